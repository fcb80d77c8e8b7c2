package dev.miandeng.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/client-errors}: the page reports a JSAPI failure ({@code tt.requestAccess},
 * {@code tt.requestAuthCode}) so the operator sees, for instance, how many clients are too old for
 * requestAccess (errno 103) or whether the page URL is missing from the console (10236), failures
 * the server never sees otherwise.
 *
 * <p>Body {@code {"api":"requestAccess","errno":"103"}}: both fields strings, as in every request
 * body of this API ({@link Json#readObject}); {@code api} one of {@link #APIS}, {@code errno} the
 * client's number or {@code unknown}. Anything else is 400 in the one error shape. A known errno
 * (docs/feishu-auth-center.md section 4) is counted under its number, any other under {@code
 * other}, so a page cannot mint series. The usual POST guards apply (CSRF header and origin, JSON,
 * body size), and a per-address limit of {@link LoginRateLimiter#CLIENT_ERRORS_PER_WINDOW} per
 * window (429). Answers 204.
 */
final class ClientErrorBeacon {

  static final String PATH = "/api/client-errors";

  /** The JSAPIs the page calls. */
  static final Set<String> APIS = Set.of("requestAccess", "requestAuthCode");

  /** The errnos of the facts page's JSAPI table, and the page's word for "no errno given". */
  static final Set<String> KNOWN_ERRNOS =
      Set.of("103", "107", "10228", "10235", "10236", "2700002", "unknown");

  private static final Pattern ERRNO = Pattern.compile("[0-9]{1,10}|unknown");

  private final Json json;
  private final LoginRateLimiter rateLimiter;
  private final WebMetrics metrics;

  ClientErrorBeacon(Json json, LoginRateLimiter rateLimiter, WebMetrics metrics) {
    this.json = Objects.requireNonNull(json, "json");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  void report(Context ctx) {
    rateLimiter.admitClientError(ctx);
    JsonNode body = json.readObject(ctx, Set.of("api", "errno"));
    String api = Json.requiredText(body, "api");
    String errno = Json.requiredText(body, "errno");
    if (!APIS.contains(api)) {
      throw Json.badRequest("api must be requestAccess or requestAuthCode.");
    }
    if (!ERRNO.matcher(errno).matches()) {
      throw Json.badRequest("errno must be the client's errno (digits) or unknown.");
    }
    metrics.clientError(api, KNOWN_ERRNOS.contains(errno) ? errno : "other");
    ctx.status(204);
  }
}
