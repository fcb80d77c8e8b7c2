package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Set;

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

  /**
   * One pass over the characters, then the escapes only when there is a percent sign: every request
   * comes through here, and the plain ones (nearly all) carry none. No lower-casing, no regex.
   */
  static boolean isPlain(String raw) {
    boolean escaped = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      // Printable ASCII only (no space, NUL, CR, LF or anything a decoder might fold), and no path
      // parameter nor backslash.
      if (c <= 0x20 || c >= 0x7f || c == ';' || c == '\\') {
        return false;
      }
      escaped |= c == '%';
    }
    if (raw.contains("//") || raw.contains("/./") || raw.contains("/../")) {
      return false;
    }
    if (raw.endsWith("/.") || raw.endsWith("/..")) {
      return false;
    }
    return !escaped || plainEscapes(raw);
  }

  /**
   * Every percent sign starts an escape of two hex digits (else a second decoding layer, a proxy or
   * a framework, could read {@code %%32%65} as {@code %2e}), and none encodes a dot, a slash, a
   * backslash, NUL, CR, LF or a percent sign (which would hide one of those behind another layer).
   */
  private static boolean plainEscapes(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length()) {
        return false;
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return false;
      }
      switch (high * 16 + low) {
        case '.', '/', '\\', 0x00, '\r', '\n', '%' -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }
}
