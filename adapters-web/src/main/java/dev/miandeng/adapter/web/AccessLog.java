package dev.miandeng.adapter.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The access log ({@code MIANDENG_ACCESS_LOG=true}): one line per finished request on the {@value
 * #LOGGER} logger, so it goes wherever the other logs go, with the request id in the logging
 * context as on every other line of the request ({@code mdc.requestId} with {@code
 * MIANDENG_LOG_FORMAT=json}). A line, e.g.
 *
 * <pre>127.0.0.1 "POST /api/session HTTP/1.1" 200 1043 204127us upstream=201950us 3q2-7wEMx1fZ0a9R
 * </pre>
 *
 * gives the client address as the connection saw it, the method, the path as sent but without its
 * query and its path parameters, the protocol, the status, the body bytes the server wrote (as
 * Jetty counts them: a HEAD counts what its GET would send, an answer Jetty writes before routing
 * counts 0), the microseconds from the request's first byte parsed to the line, the microseconds of
 * it spent waiting on Feishu ({@link UpstreamTime}; {@code upstream=0us} when it did not wait on
 * Feishu, so the difference is the server's own time), and the request id also sent as {@code
 * X-Request-Id} ({@code -} when none was given). No header, cookie, query or path parameter is
 * written: the callback's {@code code} and {@code state} travel in the query and a {@code
 * ;jsessionid=} in a path parameter (SEC-12). That last rule is why the line is written here rather
 * than with a format of Jetty's {@code CustomRequestLog}, whose path code keeps path parameters.
 *
 * <p>A request Jetty refuses before routing is logged as Jetty names it: a malformed request line
 * or path as {@code "BAD /badMessage HTTP/1.0" 400 0} (414 for a URI over the limit), headers over
 * the limit with their request line and 431.
 */
final class AccessLog implements RequestLog {

  /** The logger the lines go to. */
  static final String LOGGER = "access";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void log(Request request, Response response) {
    long micros = (System.nanoTime() - request.getBeginNanoTime()) / 1_000;
    String id = response.getHeaders().get(RequestIds.HEADER);
    if (id != null) {
      MDC.put(RequestIds.MDC_KEY, id);
    }
    try {
      LOG.info(
          "{} \"{} {} {}\" {} {} {}us upstream={}us {}",
          Request.getRemoteAddr(request),
          request.getMethod(),
          pathWithoutParameters(request.getHttpURI().getPath()),
          request.getConnectionMetaData().getProtocol(),
          response.getStatus(),
          Response.getContentBytesWritten(response),
          micros,
          UpstreamTime.micros(request),
          id == null ? "-" : id);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }

  /** {@code /a;x=1/b;y} → {@code /a/b}: each segment up to its first {@code ;}. */
  static String pathWithoutParameters(String path) {
    if (path == null) {
      return "-";
    }
    if (path.indexOf(';') < 0) {
      return path;
    }
    StringBuilder plain = new StringBuilder(path.length());
    boolean inParameter = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/') {
        inParameter = false;
      } else if (c == ';') {
        inParameter = true;
      }
      if (!inParameter) {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
