package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place errors become responses (SEC-29): {@code {"error","message","requestId"}} for the
 * API and health, a small escaped HTML page for what a browser navigates to (/login, /callback, a
 * missing page). Nothing from an exception (class names, SQL, stack) ever reaches the body.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  static void send(
      Context ctx, int status, String code, String message, Optional<Duration> retryAfter) {
    ctx.status(status);
    retryAfter.ifPresent(wait -> ctx.header("Retry-After", Long.toString(seconds(wait))));
    String requestId = RequestIds.of(ctx);
    if (wantsHtml(ctx)) {
      ctx.contentType("text/html; charset=utf-8")
          .result(
              HtmlPage.render(
                  titleFor(status),
                  message + " (request " + requestId + ")",
                  "/login",
                  "Try again"));
      return;
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    body.put("requestId", requestId);
    Json.write(ctx, body);
  }

  static void send(Context ctx, RequestRejectedException rejected) {
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

  private static String titleFor(int status) {
    return switch (status) {
      case 400 -> "This link did not work";
      case 401 -> "The login was not accepted";
      case 403 -> "Access refused";
      case 404 -> "Not found";
      case 429 -> "Too many attempts";
      case 503 -> "Temporarily unavailable";
      default -> "Something went wrong";
    };
  }
}
