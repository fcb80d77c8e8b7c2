package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  private static InetAddress ip(String literal) {
    return IpAddresses.parse(literal).orElseThrow();
  }

  @Test
  @DisplayName("SEC-05: addresses and CIDR ranges, IPv4 and IPv6, with or without brackets")
  void entries() {
    TrustedProxies proxies =
        TrustedProxies.parse(List.of(" 10.0.0.0/8", "192.0.2.7", "[::1]", "2001:db8::/32"));
    assertThat(proxies.trusts(ip("10.255.1.2"))).isTrue();
    assertThat(proxies.trusts(ip("11.0.0.1"))).isFalse();
    assertThat(proxies.trusts(ip("192.0.2.7"))).isTrue();
    assertThat(proxies.trusts(ip("192.0.2.8"))).isFalse();
    assertThat(proxies.trusts(ip("::1"))).isTrue();
    assertThat(proxies.trusts(ip("[::1]"))).isTrue();
    assertThat(proxies.trusts(ip("::2"))).isFalse();
    assertThat(proxies.trusts(ip("2001:db8:ffff::1"))).isTrue();
    assertThat(proxies.trusts(ip("2001:db9::1"))).isFalse();
    assertThat(proxies.trusts(ip("::ffff:10.1.1.1"))).as("IPv4-mapped").isTrue();
    assertThat(proxies.toString())
        .isEqualTo("[10.0.0.0/8, 192.0.2.7, 0:0:0:0:0:0:0:1, 2001:db8:0:0:0:0:0:0/32]");
    assertThat(TrustedProxies.parse(List.of("0.0.0.0/0")).trusts(ip("8.8.8.8"))).isTrue();
    assertThat(TrustedProxies.NONE.trusts(ip("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "proxy.example.com",
        "localhost",
        "abc",
        "10.1",
        "10.0.0.256",
        "0x0a.0.0.1",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/8/8",
        "10.0.0.0/-1",
        "::1/129",
        "1::2::3",
        "fe80::1%eth0",
        "",
        "10.0.0.1:8080"
      })
  @DisplayName("SEC-05: anything that is not an IP literal or CIDR range is refused, named")
  void badEntries(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.1", entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }

  @Test
  @DisplayName("SEC-33: rate-limit keys: IPv4 whole, IPv6 by its /64, IPv4-mapped as IPv4")
  void subscriberKeys() {
    assertThat(IpAddresses.subscriber(ip("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(IpAddresses.subscriber(ip("::ffff:203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(IpAddresses.subscriber(ip("2001:db8:1:2:3:4:5:6")))
        .isEqualTo(IpAddresses.subscriber(ip("2001:db8:1:2::")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(IpAddresses.subscriber(ip("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
  }
}
