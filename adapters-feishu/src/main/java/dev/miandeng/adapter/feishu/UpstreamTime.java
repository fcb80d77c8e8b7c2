package dev.miandeng.adapter.feishu;

import org.slf4j.MDC;

/**
 * The time the current request has spent waiting on Feishu, kept in the logging context under
 * {@value #MDC_KEY} (whole microseconds, as a decimal string) so the web adapter's access log can
 * write it beside the request's total time ({@code upstream=…us}) without either adapter knowing
 * the other: the web adapter reads the same key (its {@code UpstreamTime}), and the app's {@code
 * AccessLogUpstreamTest} proves the two agree.
 *
 * <p>Each call adds its time, retries included, on the thread that made it, which is the request's
 * thread: a wait on a credential another request is fetching (REL-04's single flight) is not in it,
 * since that call ran, and was counted, on the other request's thread.
 */
final class UpstreamTime {

  /** The logging-context key; the web adapter's {@code UpstreamTime.MDC_KEY} is the same. */
  static final String MDC_KEY = "upstreamMicros";

  private UpstreamTime() {}

  /** Adds one call's {@code nanos} to the current request's upstream time. */
  static void add(long nanos) {
    String before = MDC.get(MDC_KEY);
    long micros = (before == null ? 0 : Long.parseLong(before)) + nanos / 1_000;
    MDC.put(MDC_KEY, Long.toString(micros));
  }
}
