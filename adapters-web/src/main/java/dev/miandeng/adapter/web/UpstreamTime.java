package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import org.eclipse.jetty.server.Request;
import org.slf4j.MDC;

/**
 * The request's time waiting on Feishu, for the access log's {@code upstream=…us}: the Feishu
 * adapter adds each call's time under {@value #MDC_KEY} in the logging context (whole microseconds,
 * as its {@code UpstreamTime} says; the app's {@code AccessLogUpstreamTest} proves the two keys
 * agree). The access log is written once the answer is complete, maybe on another thread, so the
 * figure is moved from the logging context to a request attribute when the handler is done.
 */
final class UpstreamTime {

  /** The logging-context key; the Feishu adapter's {@code UpstreamTime.MDC_KEY} is the same. */
  static final String MDC_KEY = "upstreamMicros";

  private static final String ATTRIBUTE = "miandeng.upstreamMicros";

  private UpstreamTime() {}

  /**
   * Starts the request at zero. Jetty serves the requests of one kept-alive connection on the same
   * thread, so a figure left by the previous one must not be added to.
   */
  static void begin() {
    MDC.remove(MDC_KEY);
  }

  /** Keeps the request's figure for the access log and clears it from the logging context. */
  static void end(Context ctx) {
    String micros = MDC.get(MDC_KEY);
    MDC.remove(MDC_KEY);
    ctx.attribute(ATTRIBUTE, micros == null ? 0L : Long.parseLong(micros));
  }

  /**
   * The request's microseconds waiting on Feishu; 0 when it made no call or never reached {@link
   * #end}.
   */
  static long micros(Request request) {
    return request.getAttribute(ATTRIBUTE) instanceof Long micros ? micros : 0L;
  }
}
