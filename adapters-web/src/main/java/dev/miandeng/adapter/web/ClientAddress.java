package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, for rate limits and logs. X-Forwarded-For is believed only when the direct peer is
 * a configured proxy (SEC-05); otherwise anyone could pick a fresh address per request and dodge
 * the login rate limit. Host and proto headers are never used at all: URLs come from configuration.
 */
final class ClientAddress {

  /** Stands for a peer Jetty could not name (no TCP peer): all such requests share one budget. */
  private static final InetAddress UNKNOWN = InetAddress.getLoopbackAddress();

  private final TrustedProxies trustedProxies;

  ClientAddress(TrustedProxies trustedProxies) {
    this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /** The client's address: the peer, or the rightmost hop the trusted proxies vouch for. */
  InetAddress of(Context ctx) {
    // Jetty writes an IPv6 peer in brackets ("[::1]"); IpAddresses reads both spellings.
    InetAddress peer = IpAddresses.parse(ctx.req().getRemoteAddr()).orElse(UNKNOWN);
    if (!trustedProxies.trusts(peer)) {
      return peer;
    }
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded == null) {
      return peer;
    }
    // Walk from the right: the last hop not added by one of our proxies is the client we can vouch
    // for. A hop that is no address means the header is not what our proxies write: use the peer.
    List<String> hops = List.of(forwarded.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
      if (hop.isEmpty()) {
        return peer;
      }
      if (!trustedProxies.trusts(hop.get())) {
        return hop.get();
      }
    }
    return peer;
  }
}
