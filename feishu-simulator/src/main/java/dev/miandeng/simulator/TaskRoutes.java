package dev.miandeng.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /open-apis/task/v2/tasks, "列取任务列表" (https://open.feishu.cn/document/task-v2/task/list): the
 * tasks the user of the bearer user_access_token is responsible for. Rules from that page: {@code
 * type} is {@code my_tasks} (the default and only value), {@code page_size} 1-100 (default 50),
 * otherwise 1470400 with HTTP 400; the token must carry {@value Scopes#TASK_READ} or {@value
 * Scopes#TASK_WRITE} (权限要求, "开启任一权限即可"). Without either: 99991679 with HTTP 400, the message Feishu
 * gives ("... required one of these privileges under the user identity: [...]") and {@code
 * error.permission_violations}, one entry per acceptable scope in the shape of the official SDKs'
 * {@code CodeError} ({@code type}, {@code subject}, {@code description}; the {@code type} value is
 * not confirmed by a doc page). An unknown or expired token: 99991668 / 99991677. One page only:
 * {@code has_more} is false.
 */
final class TaskRoutes {
  static final String PATH = "/open-apis/task/v2/tasks";
  private static final SimulatedEndpoint ENDPOINT = SimulatedEndpoint.TASKS;
  private static final List<String> ACCEPTED = List.of(Scopes.TASK_READ, Scopes.TASK_WRITE);

  private final UserTokenStore userTokens;

  TaskRoutes(UserTokenStore userTokens) {
    this.userTokens = userTokens;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.get(PATH, gate.guard(ENDPOINT, this::list));
  }

  private void list(Context ctx) {
    switch (userTokens.lookupAccess(BearerTokens.from(ctx))) {
      case UserTokenStore.RefusedAccess refused ->
          AuthCenterErrors.send(ctx, ENDPOINT, 400, refused.errorCode());
      case UserTokenStore.ValidAccess valid -> {
        String type = ctx.queryParam("type");
        Integer pageSize = pageSize(ctx.queryParam("page_size"));
        if ((type != null && !"my_tasks".equals(type)) || pageSize == null) {
          AuthCenterErrors.send(
              ctx, ENDPOINT, 400, ErrorCatalog.TASK_BAD_PARAM, "invalid param: type or page_size");
          return;
        }
        if (ACCEPTED.stream().noneMatch(scope -> Scopes.grants(valid.grant().scope(), scope))) {
          scopeMissing(ctx);
          return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimulatedTasks.SimulatedTask task : SimulatedTasks.of(valid.grant().openId())) {
          if (items.size() < pageSize) {
            items.add(item(task));
          }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("items", items);
        data.put("has_more", false);
        Json.send(ctx, 200, Map.of("code", 0, "msg", "success", "data", data));
      }
    }
  }

  private static Integer pageSize(String raw) {
    if (raw == null) {
      return 50;
    }
    try {
      int size = Integer.parseInt(raw);
      return size >= 1 && size <= 100 ? size : null;
    } catch (NumberFormatException garbage) {
      return null;
    }
  }

  private static void scopeMissing(Context ctx) {
    List<Map<String, Object>> violations = new ArrayList<>();
    for (String scope : ACCEPTED) {
      violations.add(
          Map.of(
              "type",
              "action_scope_required",
              "subject",
              scope,
              "description",
              "the user has not granted the scope " + scope));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", ErrorCatalog.USER_SCOPE_NOT_GRANTED);
    body.put(
        "msg",
        "Unauthorized. You do not have permission to perform the requested operation on the"
            + " resource. Please request user re-authorization and try again. required one of"
            + " these privileges under the user identity: ["
            + String.join(", ", ACCEPTED)
            + "]");
    body.put("error", Map.of("permission_violations", violations));
    Json.send(ctx, 400, body);
  }

  private static Map<String, Object> item(SimulatedTasks.SimulatedTask task) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("guid", task.guid());
    item.put("summary", task.summary());
    if (task.due() != null) {
      item.put("due", Map.of("timestamp", task.due().toString(), "is_all_day", task.dueAllDay()));
    }
    item.put("completed_at", task.completedAt() == null ? "0" : task.completedAt().toString());
    item.put("status", task.completedAt() == null ? "todo" : "done");
    return item;
  }
}
