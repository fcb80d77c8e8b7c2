package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Parses the raw Cookie request headers without trusting the container's parser, so any byte soup
 * (10 KB values, NUL, quotes, emoji, missing '=') just means "no such cookie" (SEC-11). A cookie
 * sent twice is treated as absent: two values mean someone (a sibling subdomain, a cookie-tossing
 * attacker) planted one, and we cannot tell which is ours.
 */
final class CookieHeader {

  private CookieHeader() {}

  static Optional<String> single(Context ctx, String name) {
    List<String> found = new ArrayList<>(1);
    each(
        ctx,
        (cookieName, value) -> {
          if (cookieName.equals(name)) {
            found.add(value);
          }
        });
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * The names starting with {@code prefix}, in the order the browser sent them, each once. Browsers
   * list cookies of equal path length oldest first (RFC 6265 §5.4 step 2), so for cookies that all
   * have {@code Path=/} this is the order they were set in.
   */
  static List<String> namesStartingWith(Context ctx, String prefix) {
    List<String> names = new ArrayList<>();
    each(
        ctx,
        (name, value) -> {
          if (name.startsWith(prefix) && !names.contains(name)) {
            names.add(name);
          }
        });
    return names;
  }

  private static void each(Context ctx, BiConsumer<String, String> pair) {
    Enumeration<String> headers = ctx.req().getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      String header = headers.nextElement();
      if (header == null) {
        continue;
      }
      for (String item : header.split(";")) {
        int eq = item.indexOf('=');
        if (eq > 0) {
          pair.accept(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
      }
    }
  }
}
