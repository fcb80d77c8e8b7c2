package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers every response carries, errors and 404 included (SEC-26), set before any handler runs
 * so no code path can forget them. The CSP is computed once from the settings.
 */
final class SecurityHeaders {

  static final String CSP = "Content-Security-Policy";
  static final String REFERRER_POLICY = "Referrer-Policy";
  static final String CACHE_CONTROL = "Cache-Control";

  private final String contentSecurityPolicy;
  private final boolean hsts;
  private final boolean embed;

  SecurityHeaders(WebSettings settings) {
    this.contentSecurityPolicy = policy(settings);
    this.hsts = settings.secureCookies() && settings.publicBaseUrl().getScheme().equals("https");
    this.embed = settings.embedMode();
  }

  void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header(CSP, contentSecurityPolicy);
    if (!embed) {
      // For browsers that predate frame-ancestors.
      ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
    String path = ctx.path();
    // The callback URL holds a code and state: never let it leak onwards (SEC-20).
    ctx.header(
        REFERRER_POLICY,
        path.equals(WebServer.CALLBACK_PATH) ? "no-referrer" : "strict-origin-when-cross-origin");
    if (!isStaticFile(path)) {
      // API answers, auth redirects, health and error pages are personal or momentary.
      ctx.header(CACHE_CONTROL, "no-store");
    }
    if (hsts) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  /** What the static file handler may serve; it sets its own Cache-Control. */
  static boolean isStaticFile(String path) {
    return path.equals("/") || path.equals("/index.html") || path.startsWith("/assets/");
  }

  /**
   * The client script's origin may serve scripts and answer the page's requests (a script may call
   * back to where it came from); the identity provider's avatar origins may serve images. Nothing
   * else outside the app is reachable but https images (avatars live on many CDNs).
   */
  private static String policy(WebSettings settings) {
    String clientScriptOrigin = WebSettings.clientScriptOrigin(settings.client());
    Set<String> frameAncestors = new TreeSet<>(settings.frameAncestors());
    return "default-src 'self'"
        + "; script-src 'self' "
        + clientScriptOrigin
        + "; style-src 'self'"
        + "; img-src 'self' data: https:"
        + join(WebSettings.avatarOrigins(settings.client()))
        + "; connect-src 'self' "
        + clientScriptOrigin
        + "; object-src 'none'"
        + "; base-uri 'none'"
        + "; form-action 'self'"
        + "; frame-ancestors 'self'"
        + join(frameAncestors);
  }

  private static String join(Collection<String> origins) {
    StringBuilder out = new StringBuilder();
    origins.forEach(origin -> out.append(' ').append(origin));
    return out.toString();
  }
}
