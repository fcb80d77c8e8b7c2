package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  @DisplayName(
      "SEC-33: login endpoints answer 429 + Retry-After past the limit, and recover after the window")
  void limitAndRecovery() {
    try (TestApp app = TestApp.start(b -> b.loginRateLimit(3, Duration.ofMinutes(1)))) {
      Browser browser = app.browser();
      for (int i = 0; i < 3; i++) {
        assertThat(browser.post("/api/login/nonce", "{}").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = browser.post("/api/session", "{}");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).contains("60");
      assertThat(limited.body()).startsWith("{\"error\":\"rate_limited\"");
      assertThat(browser.get("/login").statusCode()).isEqualTo(429);
      assertThat(browser.get("/callback?state=x").statusCode()).isEqualTo(429);
      // Not a login endpoint: unaffected.
      assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);

      app.clock.advance(Duration.ofSeconds(45));
      assertThat(browser.get("/login").headers().firstValue("Retry-After")).contains("15");
      app.clock.advance(Duration.ofSeconds(15));
      assertThat(browser.post("/api/login/nonce", "{}").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName(
      "SEC-05: X-Forwarded-For from an untrusted peer is ignored: a forged address does not dodge the limit")
  void untrustedForwardedFor() {
    try (TestApp app = TestApp.start(b -> b.loginRateLimit(2, Duration.ofMinutes(1)))) {
      Browser browser = app.browser();
      for (int i = 0; i < 2; i++) {
        browser.get("/login", "X-Forwarded-For", "10.0.0." + i);
      }
      assertThat(browser.get("/login", "X-Forwarded-For", "10.0.0.99").statusCode()).isEqualTo(429);
    }
  }

  @Test
  @DisplayName(
      "SEC-05: X-Forwarded-For from a trusted proxy names the client: each client has its own budget")
  void trustedForwardedFor() {
    try (TestApp app =
        TestApp.start(
            b -> b.loginRateLimit(2, Duration.ofMinutes(1)).trustedProxies(Set.of("127.0.0.1")))) {
      Browser browser = app.browser();
      for (int i = 0; i < 2; i++) {
        assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
            .isEqualTo(302);
      }
      assertThat(browser.get("/login", "X-Forwarded-For", "203.0.113.7").statusCode())
          .isEqualTo(429);
      // A client cannot prepend a forged hop: the rightmost untrusted hop counts.
      assertThat(browser.get("/login", "X-Forwarded-For", "1.2.3.4, 203.0.113.7").statusCode())
          .isEqualTo(429);
      assertThat(browser.get("/login", "X-Forwarded-For", "198.51.100.1").statusCode())
          .isEqualTo(302);
    }
  }
}
