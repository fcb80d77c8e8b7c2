package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import org.eclipse.jetty.server.Request;
import org.slf4j.MDC;

/**
 * The request's time waiting on Feishu, for the access log's {@code upstream=…us}: put at {@code 0}
 * under {@value #MDC_KEY} in the logging context when the request begins, the Feishu adapter adds
 * each call's time, each pause before a retry and each wait on another request's credential fetch
 * to it (whole microseconds, as its {@code UpstreamTime} says; the app's {@code
 * AccessLogUpstreamTest} proves the two keys agree). It also shows as {@code mdc.upstreamMicros} on
 * the request's other log lines, the figure so far, with {@code MIANDENG_LOG_FORMAT=json}. The
 * access log is written once the answer is complete, maybe on another thread, so the figure is
 * moved from the logging context to a request attribute when the handler is done.
 */
final class UpstreamTime {

  /** The logging-context key; the Feishu adapter's {@code UpstreamTime.MDC_KEY} is the same. */
  static final String MDC_KEY = "upstreamMicros";

  private static final String ATTRIBUTE = "miandeng.upstreamMicros";

  private UpstreamTime() {}

  /**
   * Starts the request at zero: the Feishu adapter adds to the figure only while it is there. A
   * figure left on this thread by an earlier request that never reached {@link #end} is replaced.
   */
  static void begin() {
    MDC.put(MDC_KEY, "0");
  }

  /**
   * Keeps the request's figure for the access log and clears it from the logging context. Most
   * requests (every one with a session cookie) wait on nothing: they set no attribute, and {@link
   * #micros} reads the missing one as 0.
   */
  static void end(Context ctx) {
    String micros = MDC.get(MDC_KEY);
    MDC.remove(MDC_KEY);
    if (micros != null && !micros.equals("0")) {
      ctx.attribute(ATTRIBUTE, Long.parseLong(micros));
    }
  }

  /**
   * The request's microseconds waiting on Feishu; 0 when it made no call or never reached {@link
   * #end}.
   */
  static long micros(Request request) {
    return request.getAttribute(ATTRIBUTE) instanceof Long micros ? micros : 0L;
  }
}
