package dev.miandeng.adapter.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The proxies whose {@code X-Forwarded-For} is believed (SEC-05): IP addresses and CIDR ranges (RFC
 * 4632 for IPv4, RFC 4291 §2.3 for IPv6), parsed once at start-up so a typo stops the boot instead
 * of silently trusting nobody. Accepted entries: {@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code ::1},
 * {@code [::1]} (as Jetty reports an IPv6 peer), {@code 2001:db8::/32}. Host names are refused:
 * resolving them would make trust depend on DNS.
 */
public final class TrustedProxies {

  /** Trust nobody: every peer is the client. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private record Range(byte[] network, int bits, String text) {
    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      return bytes.length == network.length
          && Arrays.equals(IpAddresses.prefix(bytes, bits), network);
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses each entry (surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the first entry that is no address or range
   */
  public static TrustedProxies parse(Collection<String> entries) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : Objects.requireNonNull(entries, "entries")) {
      ranges.add(range(entry));
    }
    return new TrustedProxies(ranges);
  }

  /** True when the peer is one of the proxies. */
  boolean trusts(InetAddress peer) {
    return ranges.stream().anyMatch(range -> range.contains(peer));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** The entries in their normal form, for the start-up summary. */
  @Override
  public String toString() {
    return ranges.stream().map(Range::text).collect(Collectors.joining(", ", "[", "]"));
  }

  private static Range range(String entry) {
    String text = entry == null ? "" : entry.strip();
    int slash = text.indexOf('/');
    String literal = slash < 0 ? text : text.substring(0, slash);
    InetAddress address =
        IpAddresses.parse(literal)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not an IP address or CIDR range (such as 10.0.0.0/8 or ::1): '"
                            + entry
                            + "'"));
    int width = address.getAddress().length * 8;
    int bits = slash < 0 ? width : prefixLength(text.substring(slash + 1), width, entry);
    byte[] network = IpAddresses.prefix(address.getAddress(), bits);
    String normal = address.getHostAddress();
    return new Range(network, bits, bits == width ? normal : normal + "/" + bits);
  }

  private static int prefixLength(String digits, int width, String entry) {
    if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > width) {
      throw new IllegalArgumentException("the prefix length of '" + entry + "' must be 0-" + width);
    }
    return Integer.parseInt(digits);
  }
}
