package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** A whole browser login (/login, then the provider's redirect to /callback); the statuses. */
  private static List<Integer> browserLogin(TestApp app, Browser browser) {
    TestApp.StartedLogin start = app.startBrowserLogin(browser);
    return start.status() != 302
        ? List.of(start.status())
        : List.of(302, app.finishBrowserLogin(browser, start).statusCode());
  }

  @Test
  @DisplayName(
      "SEC-33: default settings: 30 colleagues behind one address log in inside Feishu, and 30"
          + " more in a browser, all in the same minute, and every one of them succeeds")
  void anOfficeLogsIn() {
    try (TestApp app = TestApp.start()) {
      for (int colleague = 0; colleague < 30; colleague++) {
        Browser browser = app.browser();
        assertThat(browser.logInAsAlice().statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
      }
      for (int colleague = 0; colleague < 30; colleague++) {
        Browser browser = app.browser();
        assertThat(browserLogin(app, browser)).containsExactly(302, 302);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName(
      "SEC-33: default settings: a browser flooding failed code posts gets 429 + Retry-After on"
          + " every login endpoint, its neighbours on the same address do not, one token comes"
          + " back after 3 s")
  void aFloodingBrowserIsRefused() {
    try (TestApp app = TestApp.start()) {
      Browser attacker = app.browser();
      for (int i = 0; i < 20; i++) {
        assertThat(attacker.logInWithCode("guessed-" + i).statusCode()).isEqualTo(401);
      }
      String unused = "A".repeat(43);
      HttpResponse<String> refused =
          attacker.post("/api/session", SessionApiTest.body("guessed-21", unused));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("3");
      assertThat(refused.body()).startsWith("{\"error\":\"rate_limited\"");
      assertThat(attacker.post("/api/login/nonce", "{}").statusCode()).isEqualTo(429);
      assertThat(attacker.get("/login").statusCode()).isEqualTo(429);
      assertThat(attacker.get("/callback?state=x").statusCode()).isEqualTo(429);
      // Not a login endpoint: unaffected.
      assertThat(attacker.get("/api/me").statusCode()).isEqualTo(401);
      // The colleague at the next desk, same NAT address, another browser.
      assertThat(app.browser().logInAsAlice().statusCode()).isEqualTo(200);

      app.clock.advance(Duration.ofSeconds(3));
      assertThat(attacker.logInWithCode("guessed-22").statusCode()).isEqualTo(401);
      assertThat(attacker.post("/api/session", SessionApiTest.body("guessed-23", unused)))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(429);
      app.clock.advance(MINUTE);
      assertThat(attacker.logInAsAlice().statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName(
      "SEC-33: a started browser login always counts; a successful code post gives its token back")
  void whatCounts() {
    try (TestApp app =
        TestApp.start(
            s -> s.withLoginRateLimits(3, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS))) {
      Browser starter = app.browser();
      for (int i = 0; i < 3; i++) {
        assertThat(starter.get("/login").statusCode()).isEqualTo(302);
      }
      HttpResponse<String> refused = starter.get("/login");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("20");

      Browser regular = app.browser();
      for (int i = 0; i < 10; i++) {
        assertThat(regular.logInAsAlice().statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName(
      "SEC-33: a success fills the browser's bucket again and it is forgotten; the browser still"
          + " meets its whole limit afterwards, and a bucket a success leaves short is kept")
  void aForgottenBucketStillLimits() {
    try (TestApp app =
        TestApp.start(
            s -> s.withLoginRateLimits(3, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS))) {
      Browser browser = app.browser();
      assertThat(browser.logInAsAlice().statusCode()).isEqualTo(200);
      for (int i = 0; i < 3; i++) {
        assertThat(browser.logInWithCode("guessed-" + i).statusCode()).isEqualTo(401);
      }
      assertRefused(browser);

      Browser other = app.browser();
      for (int i = 0; i < 2; i++) {
        assertThat(other.logInWithCode("guessed-" + i).statusCode()).isEqualTo(401);
      }
      // One token left; the success spends it and gives it back: still one left, not three.
      assertThat(other.logInAsAlice().statusCode()).isEqualTo(200);
      assertThat(other.logInWithCode("guessed-2").statusCode()).isEqualTo(401);
      assertRefused(other);
    }
  }

  /** The browser's bucket is empty: a code post and a nonce fetch both get 429. */
  private static void assertRefused(Browser browser) {
    String unused = "A".repeat(43);
    assertThat(browser.post("/api/session", SessionApiTest.body("guessed", unused)).statusCode())
        .isEqualTo(429);
    assertThat(browser.post("/api/login/nonce", "{}").statusCode()).isEqualTo(429);
  }

  @Test
  @DisplayName(
      "SEC-33: nonce fetches spend only the address's budget; a client that drops its cookies"
          + " meets the per-address ceiling")
  void perAddressCeiling() {
    try (TestApp app = TestApp.start(s -> s.withLoginRateLimits(2, 6))) {
      Browser browser = app.browser();
      for (int i = 0; i < 6; i++) {
        assertThat(browser.post("/api/login/nonce", "{}").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> refused = browser.post("/api/login/nonce", "{}");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("10");
      // A fresh browser (or a script that never keeps a cookie) shares the address's budget.
      assertThat(app.browser().get("/login").statusCode()).isEqualTo(429);
    }
    try (TestApp app = TestApp.start(s -> s.withLoginRateLimits(2, 4))) {
      for (int i = 0; i < 4; i++) {
        assertThat(app.browser().get("/login").statusCode()).isEqualTo(302);
      }
      assertThat(app.browser().get("/login").statusCode()).isEqualTo(429);
    }
  }

  @Test
  @DisplayName(
      "SEC-33/SEC-05: IPv6 clients are counted by their /64; an IPv4-mapped address is the IPv4"
          + " client")
  void ipv6ByPrefix() {
    try (TestApp app =
        TestApp.start(
            s ->
                s.withLoginRateLimits(2, 2)
                    .withTrustedProxies(TrustedProxies.parse(List.of("127.0.0.1"))))) {
      String[] sameSlash64 = {"2001:db8:1:2::a", "2001:db8:1:2:ffff:ffff:ffff:ffff"};
      for (String address : sameSlash64) {
        assertThat(app.browser().get("/login", "X-Forwarded-For", address).statusCode())
            .isEqualTo(302);
      }
      assertThat(app.browser().get("/login", "X-Forwarded-For", "2001:db8:1:2::b").statusCode())
          .isEqualTo(429);
      assertThat(app.browser().get("/login", "X-Forwarded-For", "2001:db8:1:3::b").statusCode())
          .isEqualTo(302);

      for (int i = 0; i < 2; i++) {
        assertThat(app.browser().get("/login", "X-Forwarded-For", "203.0.113.9").statusCode())
            .isEqualTo(302);
      }
      assertThat(app.browser().get("/login", "X-Forwarded-For", "::ffff:203.0.113.9").statusCode())
          .isEqualTo(429);
    }
  }

  @Test
  @DisplayName(
      "SEC-05: X-Forwarded-For from an untrusted peer is ignored: a forged address does not dodge the limit")
  void untrustedForwardedFor() {
    try (TestApp app =
        TestApp.start(
            s -> s.withLoginRateLimits(2, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS))) {
      Browser browser = app.browser();
      for (int i = 0; i < 2; i++) {
        browser.get("/login", "X-Forwarded-For", "10.0.0." + i);
      }
      assertThat(browser.get("/login", "X-Forwarded-For", "10.0.0.99").statusCode()).isEqualTo(429);
    }
  }

  @Test
  @DisplayName(
      "SEC-05: X-Forwarded-For from a proxy in a trusted CIDR range names the client: each client"
          + " has its own budget, and a forged leftmost hop changes nothing")
  void trustedForwardedFor() {
    try (TestApp app =
        TestApp.start(
            s ->
                s.withLoginRateLimits(2, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS)
                    .withTrustedProxies(
                        TrustedProxies.parse(List.of("127.0.0.0/8", "10.0.0.0/8"))))) {
      Browser browser = app.browser();
      for (int i = 0; i < 2; i++) {
        assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
            .isEqualTo(302);
      }
      assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
          .isEqualTo(429);
      // A client cannot prepend a forged hop: the rightmost untrusted hop counts, and hops added
      // by our own proxies (10.x) are skipped.
      assertThat(
              browser
                  .get("/login", "X-Forwarded-For", "1.2.3.4, 203.0.113.7, 10.1.2.3")
                  .statusCode())
          .isEqualTo(429);
      assertThat(browser.get("/login", "X-Forwarded-For", "198.51.100.1").statusCode())
          .isEqualTo(302);
    }
  }

  @Test
  @DisplayName(
      "SEC-05: an IPv6 peer, which Jetty reports as [::1], is matched by the trusted entry ::1")
  void ipv6Peer() {
    try (TestApp app =
        TestApp.start(
            s ->
                s.withAddress("::1", 0)
                    .withLoginRateLimits(2, WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS)
                    .withTrustedProxies(TrustedProxies.parse(List.of("::1"))))) {
      Browser browser = app.browser();
      for (int i = 0; i < 2; i++) {
        assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
            .isEqualTo(302);
      }
      assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
          .isEqualTo(429);
      assertThat(browser.get("/login", "X-Forwarded-For", "198.51.100.1").statusCode())
          .isEqualTo(302);
    }
  }
}
