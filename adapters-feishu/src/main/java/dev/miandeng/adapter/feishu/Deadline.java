package dev.miandeng.adapter.feishu;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One overall time budget for everything a login asks Feishu (token fetch, code exchange,
 * user_info, their retries and backoff waits), so that no mix of slow answers and retries holds a
 * login longer than {@link FeishuSettings#loginDeadline()} (REL-01, REL-02).
 *
 * <p>The budget lives in a thread-local for the duration of {@link #within}: the calls are
 * synchronous on the caller's thread, and the budget must reach the HTTP client underneath Feign
 * and the fetch of a shared cached token without a parameter threaded through every Feign method.
 * Outside {@link #within} there is no overall budget and each call keeps its own timeout.
 */
final class Deadline {

  private static final ThreadLocal<Long> END_NANOS = new ThreadLocal<>();

  private Deadline() {}

  /** Runs {@code work} within {@code budget}; a budget already running on this thread is kept. */
  static <T> T within(Duration budget, Supplier<T> work) {
    if (END_NANOS.get() != null) {
      return work.get();
    }
    END_NANOS.set(System.nanoTime() + budget.toNanos());
    try {
      return work.get();
    } finally {
      END_NANOS.remove();
    }
  }

  /** {@code timeout}, shortened to what is left of the running budget (never negative). */
  static Duration clamp(Duration timeout) {
    Long end = END_NANOS.get();
    if (end == null) {
      return timeout;
    }
    Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    return left.compareTo(timeout) < 0 ? left : timeout;
  }

  /** Whether waiting {@code wait} and then trying again still fits in the running budget. */
  static boolean allows(Duration wait) {
    Long end = END_NANOS.get();
    return end == null || System.nanoTime() + wait.toNanos() < end;
  }
}
