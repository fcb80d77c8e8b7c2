package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.TaskItem;
import dev.miandeng.adapter.feishu.FeishuWire.TaskListReply;
import dev.miandeng.adapter.feishu.FeishuWire.TaskTime;
import dev.miandeng.domain.task.MyTasks;
import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.token.AccessTokenRejectedException;
import dev.miandeng.domain.token.ScopeNotGrantedException;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MyTasks} on Feishu Task v2, "list tasks" ({@code GET
 * /open-apis/task/v2/tasks?type=my_tasks}, doc {@code
 * https://open.feishu.cn/document/task-v2/task/list}), with the user's access token: the first page
 * of the tasks the user is responsible for. The call needs {@code task:task:read} (or {@code
 * task:task:write}) granted by the user; this adapter declares the read-only one.
 *
 * <p>Answers: 99991679 with {@code error.permission_violations} (or, without them, the list in
 * {@code msg}: "required one of these privileges under the user identity: [a, b]") is {@link
 * ScopeNotGrantedException}; 99991668 (invalid) and 99991677 (expired) are {@link
 * AccessTokenRejectedException}; anything else goes through {@link FeishuFailures} (network, 5xx
 * and {@code 1470500}: unavailable; an unknown code with HTTP 400 such as {@code 1470400}:
 * misconfigured). Transient failures are retried by {@link SafeRetry}: the call reads only.
 */
public final class FeishuMyTasks implements MyTasks {

  private static final Logger LOG = LoggerFactory.getLogger(FeishuMyTasks.class);

  /** Feishu's scope for reading tasks, the least privileged one the list call accepts. */
  public static final String TASK_READ = "task:task:read";

  static final int SCOPE_NOT_GRANTED = 99991679;
  static final int TOKEN_INVALID = 99991668;
  static final int TOKEN_EXPIRED = 99991677;

  /** "... required one of these privileges under the user identity: [a, b]" (99991679's msg). */
  private static final Pattern LISTED = Pattern.compile("\\[([^\\]]*)]");

  private final FeishuTaskApi api;
  private final SafeRetry retry;

  FeishuMyTasks(FeishuTaskApi api, SafeRetry retry) {
    this.api = api;
    this.retry = retry;
  }

  /** The composition root's entry point; the registry receives the call timer. */
  public static FeishuMyTasks create(FeishuSettings settings, MeterRegistry registry) {
    return create(settings, new FeishuMetrics(registry), Sleeper.THREAD);
  }

  static FeishuMyTasks create(FeishuSettings settings, FeishuMetrics metrics, Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    return new FeishuMyTasks(
        FeishuClients.build(FeishuTaskApi.class, settings, metrics),
        new SafeRetry(settings, sleeper, new SecureRandom()));
  }

  @Override
  public Set<String> scopes() {
    return Set.of(TASK_READ);
  }

  @Override
  public List<Task> list(String userAccessToken) {
    Objects.requireNonNull(userAccessToken, "userAccessToken");
    TaskListReply reply;
    try {
      reply = retry.call("list_my_tasks", () -> api.listMyTasks(userAccessToken, MAX_TASKS));
    } catch (FeishuApiFailure answer) {
      if (answer.hasCode(SCOPE_NOT_GRANTED)) {
        throw new ScopeNotGrantedException(namedScopes(answer));
      }
      if (answer.hasCode(TOKEN_INVALID) || answer.hasCode(TOKEN_EXPIRED)) {
        LOG.info("Feishu refused a user access token: {}", answer.getMessage());
        throw new AccessTokenRejectedException(answer.getMessage());
      }
      throw FeishuFailures.translate(answer);
    } catch (RuntimeException failure) {
      throw FeishuFailures.translate(failure);
    }
    List<Task> tasks = new ArrayList<>();
    if (reply.data() != null && reply.data().items() != null) {
      for (TaskItem item : reply.data().items()) {
        toTask(item).ifPresent(tasks::add);
        if (tasks.size() == MAX_TASKS) {
          break;
        }
      }
    }
    return tasks;
  }

  private static Set<String> namedScopes(FeishuApiFailure answer) {
    if (!answer.permissionViolations().isEmpty()) {
      return answer.permissionViolations();
    }
    Set<String> listed = new LinkedHashSet<>();
    Matcher matcher = LISTED.matcher(answer.msg());
    if (matcher.find()) {
      for (String scope : matcher.group(1).split(",")) {
        if (!scope.isBlank()) {
          listed.add(scope.trim());
        }
      }
    }
    return listed;
  }

  /** The task, or empty (logged) when Feishu sent one without a usable id. */
  private static Optional<Task> toTask(TaskItem item) {
    try {
      return Optional.of(
          new Task(
              item.guid(),
              clean(item.summary()),
              millis(item.due()),
              millisOf(item.completedAt()).isPresent()));
    } catch (IllegalArgumentException | NullPointerException malformed) {
      LOG.warn("Feishu sent a task this adapter cannot show: {}", malformed.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<Instant> millis(TaskTime time) {
    return time == null ? Optional.empty() : millisOf(time.timestamp());
  }

  /** A timestamp in ms as Feishu sends it (a string); "0" or empty means none. */
  private static Optional<Instant> millisOf(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      long millis = Long.parseLong(value.trim());
      return millis <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    } catch (NumberFormatException garbage) {
      return Optional.empty();
    }
  }

  /** Titles are free text: control characters (newlines included) become spaces, long ones cut. */
  private static String clean(String summary) {
    String text = summary == null ? "" : summary.replaceAll("\\p{Cc}", " ");
    return text.length() <= Task.MAX_SUMMARY ? text : text.substring(0, Task.MAX_SUMMARY);
  }
}
