package dev.miandeng.adapter.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict IP literals, never a DNS lookup: what the peer address, an {@code X-Forwarded-For} hop or
 * a trusted-proxy entry may be. IPv4 is dotted quad only ({@code 10.1}, {@code 0x0a.0.0.1} or a
 * host name are refused); IPv6 is RFC 4291 text, optionally in brackets as Jetty reports a peer
 * ({@code [::1]}, RFC 3986 §3.2.2), without a zone id. An IPv4-mapped IPv6 address ({@code
 * ::ffff:10.0.0.1}) comes back as the IPv4 address, so both spellings of one client are one client.
 */
final class IpAddresses {

  /** RFC 4291 §2.5.4: an IPv6 interface identifier is 64 bits; a subscriber usually gets a /64. */
  static final int IPV6_SUBSCRIBER_PREFIX = 64;

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
  // Only hex digits, colons and (for an embedded IPv4 tail) dots, with at least one colon: such a
  // string can never be taken for a host name, so InetAddress parses it without asking DNS.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpAddresses() {}

  /** The address written by {@code text}, or empty when it is not a strict literal. */
  static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String literal = text.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    boolean v4 = IPV4.matcher(literal).matches();
    boolean v6 = !v4 && literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return Optional.empty(); // "1::2::3" and friends: the right characters, the wrong shape
    }
  }

  /** The first {@code bits} bits of the address, the rest zero. */
  static byte[] prefix(byte[] address, int bits) {
    byte[] masked = Arrays.copyOf(address, address.length);
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.clamp(bits - i * 8L, 0, 8);
      masked[i] &= (byte) (0xFF << (8 - keep));
    }
    return masked;
  }

  /**
   * The part of an address that names one subscriber: an IPv4 address whole, an IPv6 address by its
   * /64 (RFC 4291 §2.5.4; RFC 6177 hands a site a /48 or a /56, and one host can use any of the
   * 2^64 addresses of its /64, so counting single IPv6 addresses would count nothing).
   */
  static String subscriber(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    try {
      byte[] network = prefix(address.getAddress(), IPV6_SUBSCRIBER_PREFIX);
      return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_SUBSCRIBER_PREFIX;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
