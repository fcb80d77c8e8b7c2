package dev.miandeng.domain.fakes;

import dev.miandeng.domain.task.MyTasks;
import dev.miandeng.domain.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@link MyTasks} that answers what the test scripted: a list of tasks by default (none), or a
 * failure thrown on every call until scripted otherwise. Records the tokens it was called with.
 * Thread-safe enough for one test.
 */
public final class ScriptedMyTasks implements MyTasks {

  /** The scope this fake declares, Feishu's name for reading tasks. */
  public static final String SCOPE = "task:task:read";

  private final List<String> tokensSeen = new ArrayList<>();
  private volatile List<Task> tasks = List.of();
  private volatile Supplier<RuntimeException> failure;

  @Override
  public Set<String> scopes() {
    return Set.of(SCOPE);
  }

  @Override
  public synchronized List<Task> list(String userAccessToken) {
    tokensSeen.add(userAccessToken);
    Supplier<RuntimeException> failing = failure;
    if (failing != null) {
      throw failing.get();
    }
    return tasks;
  }

  /** Later calls answer these tasks. */
  public void answer(List<Task> next) {
    failure = null;
    tasks = List.copyOf(next);
  }

  /** Later calls throw what {@code next} gives. */
  public void fail(Supplier<RuntimeException> next) {
    failure = next;
  }

  /** The access tokens the calls carried, in order. */
  public synchronized List<String> tokensSeen() {
    return List.copyOf(tokensSeen);
  }
}
