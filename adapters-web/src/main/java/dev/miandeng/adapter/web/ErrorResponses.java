package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place errors become responses (SEC-29): {@code {"error","message","requestId"}} for the
 * API and health, the app's own page in its failure state ({@link FailurePage}) for what a browser
 * navigates to (/login, /callback, a missing page). Nothing from an exception (class names, SQL,
 * stack) ever reaches the body.
 */
final class ErrorResponses {

  private final Optional<FailurePage> page;

  /**
   * @param page the page to show failures in; empty when the server serves no page (then every
   *     failure is JSON)
   */
  ErrorResponses(Optional<FailurePage> page) {
    this.page = page;
  }

  void send(Context ctx, int status, String code, String message, Optional<Duration> retryAfter) {
    send(ctx, status, code, message, retryAfter, Map.of());
  }

  /**
   * As above, the JSON body carrying {@code fields} after the three standard ones (for instance
   * {@code missingScopes} of a 403 that asks for consent); a page ignores them.
   */
  void send(
      Context ctx,
      int status,
      String code,
      String message,
      Optional<Duration> retryAfter,
      Map<String, Object> fields) {
    ctx.status(status);
    // The path's headers were set before routing; an error answer is never stored, on any path.
    ctx.header(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
    Optional<Long> seconds = retryAfter.map(ErrorResponses::seconds);
    seconds.ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait)));
    String requestId = RequestIds.of(ctx);
    if (page.isPresent() && wantsHtml(ctx)) {
      ctx.contentType("text/html; charset=utf-8")
          .result(page.get().render(status, code, requestId, seconds, retryPath(ctx)));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    body.put("requestId", requestId);
    body.putAll(fields);
    Json.write(ctx, body);
  }

  void send(Context ctx, RequestRejectedException rejected) {
    send(ctx, rejected.status(), rejected.code(), rejected.getMessage(), rejected.retryAfter());
  }

  /** Whole seconds, rounded up and at least one, as Retry-After wants. */
  static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /** Pages the browser navigates to get HTML; the API, health and anything posted get JSON. */
  private static boolean wantsHtml(Context ctx) {
    String path = ctx.path();
    String method = ctx.req().getMethod();
    if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health")) {
      return false;
    }
    return "GET".equals(method) || "HEAD".equals(method);
  }

  /** A failed browser login is tried again by starting a new one; anything else at the page. */
  private static String retryPath(Context ctx) {
    String path = ctx.path();
    return path.equals(BrowserLogin.START_PATH) || path.equals(WebServer.CALLBACK_PATH)
        ? BrowserLogin.START_PATH
        : "/";
  }
}
