package dev.miandeng.domain.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the user's own tasks, as the demo shows it.
 *
 * @param id the task's id at the provider (Feishu's {@code guid}); 1-128 characters, no control
 *     characters
 * @param summary the title, verbatim (the page output-encodes it); at most {@link #MAX_SUMMARY}
 *     characters, no control characters; may be empty
 * @param due when it is due, if it has a due date or time
 * @param completed whether it is done
 */
public record Task(String id, String summary, Optional<Instant> due, boolean completed) {

  /** Feishu caps a task title at 3,000 characters ("task-v2/task/create"); we keep some room. */
  public static final int MAX_SUMMARY = 4096;

  public Task {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 128 || hasControl(id)) {
      throw new IllegalArgumentException("id must be 1-128 characters without control characters");
    }
    Objects.requireNonNull(summary, "summary");
    if (summary.length() > MAX_SUMMARY || hasControl(summary)) {
      throw new IllegalArgumentException(
          "summary must be at most " + MAX_SUMMARY + " characters without control characters");
    }
    Objects.requireNonNull(due, "due");
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
