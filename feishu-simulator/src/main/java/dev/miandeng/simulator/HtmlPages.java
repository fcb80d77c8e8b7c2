package dev.miandeng.simulator;

import io.javalin.http.Context;

/** The common frame of the simulator's server-rendered pages and how they are sent. */
final class HtmlPages {
  /** Pages without script: nothing but inline style and images may load. */
  static final String STRICT_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; base-uri 'none';"
          + " frame-ancestors 'none'";

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2329}
      h1{font-size:1.3rem} .user{display:flex;align-items:center;gap:.6rem;padding:.4rem;border:1px solid #dee0e3;border-radius:6px;margin:.3rem 0}
      .user img{width:32px;height:32px;border-radius:50%} .muted{color:#646a73;font-size:.9rem}
      button{font-size:1rem;padding:.4rem 1.2rem;margin:.6rem .4rem 0 0} .error{color:#d83931}
      """;

  private HtmlPages() {}

  /** A complete page; {@code title} is text, {@code bodyHtml} must already be escaped HTML. */
  static String page(String title, String bodyHtml) {
    return "<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + HtmlText.escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body>"
        + bodyHtml
        + "</body></html>";
  }

  static void send(Context ctx, int status, String html, String csp) {
    ctx.status(status)
        .header("Content-Security-Policy", csp)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .contentType("text/html; charset=utf-8")
        .result(html);
  }

  /** An auth-center style error page, e.g. for an unknown client_id (20048). */
  static void sendError(Context ctx, int code, String message) {
    String body =
        "<h1>Feishu simulator: authorization failed</h1><p class=\"error\" id=\"error-code\">"
            + code
            + "</p><p id=\"error-message\">"
            + HtmlText.escape(message)
            + "</p>";
    send(ctx, 400, page("Authorization failed", body), STRICT_CSP);
  }
}
