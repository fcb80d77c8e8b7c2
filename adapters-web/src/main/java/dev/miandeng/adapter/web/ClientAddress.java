package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is asking, for rate limits and logs. X-Forwarded-For is believed only when the direct peer is
 * a configured proxy (SEC-05); otherwise anyone could pick a fresh address per request and dodge
 * the login rate limit. Host and proto headers are never used at all: URLs come from configuration.
 */
final class ClientAddress {

  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<String> trustedProxies;

  ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
  }

  String of(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    // Walk from the right: the last hop not added by one of our proxies is the client we can vouch
    // for.
    List<String> hops = List.of(forwarded.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i).strip();
      if (!IP.matcher(hop).matches()) {
        return peer;
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
