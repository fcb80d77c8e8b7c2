package dev.miandeng.adapter.web;

import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;

/**
 * The access log ({@code MIANDENG_ACCESS_LOG=true}): Jetty's own {@link CustomRequestLog}, one line
 * per finished request on the {@value #LOGGER} logger, so it goes wherever the other logs go (as
 * JSON with {@code MIANDENG_LOG_FORMAT=json}). A line, e.g.
 *
 * <pre>127.0.0.1 "POST /api/session HTTP/1.1" 200 1043 4127us 3q2-7wEMx1fZ0a9R</pre>
 *
 * gives the client address as the connection saw it, the request line with the path but never the
 * query (the callback's {@code code} and {@code state} travel there, SEC-12), the status, the bytes
 * sent (headers included), the microseconds from the request's first byte parsed to its last byte
 * written, and the request id also sent as {@code X-Request-Id}. No header and no cookie is written
 * (SEC-12: session ids and codes never reach the logs).
 */
final class AccessLog {

  /** The logger the lines go to. */
  static final String LOGGER = "access";

  /** Jetty's format codes: {@code %U} is the path without the query; {@code %{us}T} the time. */
  static final String FORMAT =
      "%{client}a \"%m %U %H\" %s %O %{us}Tus %{" + RequestIds.HEADER + "}o";

  private AccessLog() {}

  static RequestLog create() {
    Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
    writer.setLoggerName(LOGGER);
    return new CustomRequestLog(writer, FORMAT);
  }
}
