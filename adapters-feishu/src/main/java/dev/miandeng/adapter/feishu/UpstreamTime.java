package dev.miandeng.adapter.feishu;

import org.slf4j.MDC;

/**
 * The time the current request has spent waiting on Feishu, kept in the logging context under
 * {@value #MDC_KEY} (whole microseconds, as a decimal string) so the web adapter's access log can
 * write it beside the request's total time ({@code upstream=…us}) without either adapter knowing
 * the other: the web adapter reads the same key (its {@code UpstreamTime}), and the app's {@code
 * AccessLogUpstreamTest} proves the two agree.
 *
 * <p>Added on the request's thread: each call's time, every try of it (the call timer of {@link
 * FeishuMetrics}); the pauses between tries ({@link SafeRetry}: backoff or Feishu's {@code
 * Retry-After}); and a wait on a credential another request is fetching (REL-04's single flight,
 * {@link RefreshingToken}), whose call is counted on the fetching request's thread. Only while the
 * key is there: the web adapter puts it at {@code 0} when a request begins and removes it when the
 * request ends, so a background thread's calls (a ticket renewal) leave no figure behind.
 */
final class UpstreamTime {

  /** The logging-context key; the web adapter's {@code UpstreamTime.MDC_KEY} is the same. */
  static final String MDC_KEY = "upstreamMicros";

  private UpstreamTime() {}

  /** Adds the time since {@code startNanos} ({@link System#nanoTime()}) to the request's. */
  static void addSince(long startNanos) {
    add(System.nanoTime() - startNanos);
  }

  /** Adds {@code nanos} of waiting on Feishu to the current request's, if a request is timed. */
  static void add(long nanos) {
    String before = MDC.get(MDC_KEY);
    if (before != null) {
      MDC.put(MDC_KEY, Long.toString(Long.parseLong(before) + nanos / 1_000));
    }
  }
}
