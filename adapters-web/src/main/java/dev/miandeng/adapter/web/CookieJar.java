package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Reads one cookie from the raw Cookie headers without trusting the container's parser, so any byte
 * soup (10 KB values, NUL, quotes, emoji, missing '=') just means "no such cookie" (SEC-11). A
 * cookie sent twice is treated as absent: two values mean someone (a sibling subdomain, a
 * cookie-tossing attacker) planted one, and we cannot tell which is ours.
 */
final class CookieJar {

  private CookieJar() {}

  static Optional<String> single(Context ctx, String name) {
    List<String> found = new ArrayList<>(1);
    Enumeration<String> headers = ctx.req().getHeaders("Cookie");
    while (headers != null && headers.hasMoreElements()) {
      String header = headers.nextElement();
      if (header == null) {
        continue;
      }
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          found.add(pair.substring(eq + 1).strip());
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }
}
