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

  /**
   * The value of the cookie {@code name} when the request carries it exactly once. Runs on every
   * authenticated request, so it scans the headers in place and copies only the value it returns,
   * never the other cookies (the browser id, pending logins) nor a list of them.
   */
  static Optional<String> single(Context ctx, String name) {
    String found = null;
    int count = 0;
    Enumeration<String> headers = ctx.req().getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      String header = headers.nextElement();
      if (header == null) {
        continue;
      }
      int start = 0;
      while (start < header.length()) {
        int end = header.indexOf(';', start);
        if (end < 0) {
          end = header.length();
        }
        int eq = header.indexOf('=', start);
        if (eq > start && eq < end && isNamed(header, start, eq, name)) {
          count++;
          if (count == 1) {
            found = stripped(header, eq + 1, end);
          }
        }
        start = end + 1;
      }
    }
    return count == 1 ? Optional.of(found) : Optional.empty();
  }

  /**
   * Whether {@code header[from, to)}, stripped as {@link String#strip()} would, is {@code name}.
   */
  private static boolean isNamed(String header, int from, int to, String name) {
    while (from < to && Character.isWhitespace(header.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
      to--;
    }
    return to - from == name.length() && header.startsWith(name, from);
  }

  private static String stripped(String header, int from, int to) {
    while (from < to && Character.isWhitespace(header.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
      to--;
    }
    return header.substring(from, to);
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
