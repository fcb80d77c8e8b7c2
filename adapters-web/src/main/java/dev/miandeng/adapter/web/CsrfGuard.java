package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;

/**
 * Every POST must come from our own page (SEC-13, SEC-14): the custom header the page always sends
 * (a cross-site form cannot set one, and a cross-site fetch with it needs a CORS preflight we never
 * answer), plus the browser's Origin equal to the configured public origin, or, where Origin is
 * absent, {@code Sec-Fetch-Site: same-origin}. Then the body must be declared JSON (415 otherwise).
 * GET and HEAD change nothing, so they pass.
 */
final class CsrfGuard {

  static final String HEADER = "X-Requested-With";
  static final String HEADER_VALUE = "miandeng";

  private final String publicOrigin;
  private final SecurityEvents events;

  CsrfGuard(String publicOrigin, SecurityEvents events) {
    this.publicOrigin = Objects.requireNonNull(publicOrigin, "publicOrigin");
    this.events = Objects.requireNonNull(events, "events");
  }

  void check(Context ctx) {
    if (!"POST".equals(ctx.req().getMethod())) {
      return;
    }
    String refusal = refusal(ctx);
    if (refusal != null) {
      events.record(ctx, "csrf_refused", refusal);
      throw new RequestRejectedException(
          403, "csrf_rejected", "This request did not come from the app's own page.");
    }
    String contentType = ctx.header("Content-Type");
    if (contentType == null || !isJson(contentType)) {
      throw new RequestRejectedException(
          415, "unsupported_media_type", "Send the request body as application/json.");
    }
  }

  private String refusal(Context ctx) {
    if (!HEADER_VALUE.equals(ctx.header(HEADER))) {
      return "missing_custom_header";
    }
    String fetchSite = ctx.header("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin")) {
      return "cross_site_fetch";
    }
    String origin = ctx.header("Origin");
    if (origin != null) {
      return origin.equals(publicOrigin) ? null : "foreign_origin";
    }
    return "same-origin".equals(fetchSite) ? null : "no_origin";
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json");
  }
}
