package dev.miandeng.adapter.web;

import dev.miandeng.application.task.ListMyTasksUseCase;
import dev.miandeng.application.task.ListMyTasksUseCase.ConsentNeeded;
import dev.miandeng.application.task.ListMyTasksUseCase.Tasks;
import dev.miandeng.application.task.ListMyTasksUseCase.TokensNotKept;
import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.user.UserId;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code GET /api/me/tasks}: the logged-in user's own tasks, read from Feishu as that user (the
 * demo of an OpenAPI call with the user's token; docs/web-api.md). 200 {@code {"tasks":[...]}}; 401
 * without a session; 403 {@code consent_needed} in the one error shape plus {@code missingScopes},
 * the scopes the page asks the user for before it calls once more; 501 {@code token_vault_off} when
 * this server keeps no user tokens (no {@code MIANDENG_TOKEN_KEY}: a lasting choice of the
 * deployment, not an outage, so no Retry-After, and nothing the user could consent to); outages
 * through {@link Outages} (503 with Retry-After).
 */
final class TasksApi {

  private final SessionApi sessions;
  private final ListMyTasksUseCase listMyTasks;
  private final ErrorResponses errors;

  TasksApi(SessionApi sessions, ListMyTasksUseCase listMyTasks, ErrorResponses errors) {
    this.sessions = sessions;
    this.listMyTasks = listMyTasks;
    this.errors = errors;
  }

  void myTasks(Context ctx) {
    UserId user = sessions.authenticated(ctx).user().id();
    switch (listMyTasks.list(user)) {
      case Tasks tasks -> Json.answer(ctx, Map.of("tasks", json(tasks.tasks())));
      case ConsentNeeded consent ->
          errors.send(
              ctx,
              403,
              "consent_needed",
              "Feishu needs your permission before this app can read your tasks.",
              Optional.empty(),
              Map.of("missingScopes", List.copyOf(new TreeSet<>(consent.missingScopes()))));
      case TokensNotKept off ->
          errors.send(
              ctx,
              501,
              "token_vault_off",
              "This server keeps no Feishu tokens (no MIANDENG_TOKEN_KEY), so it cannot read your"
                  + " tasks.",
              Optional.empty());
    }
  }

  /**
   * Each task: {@code id}, {@code summary}, {@code due} (ISO-8601 instant, absent if none), {@code
   * completed}.
   */
  private static List<Map<String, Object>> json(List<Task> tasks) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", task.id());
      item.put("summary", task.summary());
      task.due().ifPresent(due -> item.put("due", due.toString()));
      item.put("completed", task.completed());
      out.add(item);
    }
    return out;
  }
}
