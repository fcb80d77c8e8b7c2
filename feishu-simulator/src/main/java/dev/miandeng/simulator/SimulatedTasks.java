package dev.miandeng.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Each roster user's own tasks ("我负责的"), for GET /open-apis/task/v2/tasks. The built-in users: 张三
 * has three (one done, one with a due date, one without), Alice none (the page's empty state), Eve
 * one whose title is HTML and script (the page must show it as text). Users of a roster file have
 * none.
 */
final class SimulatedTasks {

  /**
   * One task as the list call reports it.
   *
   * @param due ms since the epoch, or null
   * @param completedAt ms since the epoch, or null while open
   */
  record SimulatedTask(
      String guid, String summary, Long due, boolean dueAllDay, Long completedAt) {}

  private static final long DAY = 86_400_000L;
  private static final long BASE = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

  private static final Map<String, List<SimulatedTask>> BUILT_IN =
      Map.of(
          "ou_sim_zhangsan",
          List.of(
              new SimulatedTask(
                  "8391a1b0-2e43-47fc-94a4-d512e03984fa", "写年中总结", BASE + 7 * DAY, true, null),
              new SimulatedTask(
                  "6d2c0f6e-6a7b-4c9c-9a53-1f0e2b8c7d11",
                  "Review the login-free flow",
                  null,
                  false,
                  null),
              new SimulatedTask(
                  "0b5e7d7a-1c2f-4f1e-8f4a-3d9b6c2e5a90",
                  "预订会议室",
                  BASE - DAY,
                  false,
                  BASE - 2 * DAY)),
          "ou_sim_eve",
          List.of(
              new SimulatedTask(
                  "e7e7e7e7-0000-4000-8000-000000000001",
                  BuiltInRoster.HOSTILE_NAME,
                  null,
                  false,
                  null)));

  private SimulatedTasks() {}

  static List<SimulatedTask> of(String openId) {
    return BUILT_IN.getOrDefault(openId, List.of());
  }
}
