package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses methods and paths no real page or client sends, before routing (SEC-27, SEC-30).
 *
 * <p>Methods: only GET, HEAD, POST and OPTIONS exist here; TRACE and the rest get 405. Paths: path
 * parameters ({@code ;jsessionid=}), empty segments ({@code //}), dot segments and any encoding of
 * a dot, slash, backslash, NUL, CR or LF are refused as they arrive, undecoded, so no normalisation
 * difference between a guard and a route can let a request slip past either.
 */
final class PathGuard {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");
  private static final String[] FORBIDDEN = {
    ";", "//", "\\", "%2e", "%2f", "%5c", "%00", "%0d", "%0a", "%25", "/./", "/../"
  };

  /**
   * A percent sign that does not start an escape ({@code %%32%65}): harmless to a server that
   * decodes once, but a second decoding layer (a proxy, a framework) would turn it into {@code
   * %2e}.
   */
  private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  void check(Context ctx) {
    if (!METHODS.contains(ctx.req().getMethod())) {
      ctx.header("Allow", "GET, HEAD, POST");
      throw new RequestRejectedException(
          405, "method_not_allowed", "This method is not allowed here.");
    }
    String raw = ctx.req().getRequestURI();
    if (raw == null || !raw.startsWith("/") || !isPlain(raw)) {
      throw new RequestRejectedException(400, "bad_request", "The request path is not allowed.");
    }
  }

  private static boolean isPlain(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.endsWith("/.") || lower.endsWith("/..")) {
      return false;
    }
    for (String bad : FORBIDDEN) {
      if (lower.contains(bad)) {
        return false;
      }
    }
    return !BROKEN_ESCAPE.matcher(raw).find() && raw.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
