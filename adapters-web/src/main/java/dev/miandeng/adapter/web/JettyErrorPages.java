package dev.miandeng.adapter.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before Javalin sees the request (a malformed URI, headers over
 * the limit: SEC-28) in the same JSON shape and with the same security headers as everything else
 * (SEC-26, SEC-29), instead of Jetty's HTML page.
 */
final class JettyErrorPages extends ErrorHandler {

  private final SecurityHeaders securityHeaders;

  JettyErrorPages(SecurityHeaders securityHeaders) {
    this.securityHeaders = securityHeaders;
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String requestId = RequestIds.newId();
    response.getHeaders().put(RequestIds.HEADER, requestId);
    securityHeaders.putErrorInto(request, response.getHeaders());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    String body =
        "{\"error\":\""
            + codeFor(code)
            + "\",\"message\":\"The request could not be processed.\",\"requestId\":\""
            + requestId
            + "\"}";
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 413 -> "payload_too_large";
      case 431 -> "headers_too_large";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 415 -> "unsupported_media_type";
      default -> status >= 500 ? "internal_error" : "bad_request";
    };
  }
}
