package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSettingsTest {

  private static WebSettings build(String url, UnaryOperator<WebSettings> tune) {
    return tune.apply(WebSettings.of(URI.create(url), TestApp.CLIENT));
  }

  @Test
  @DisplayName("defaults: SameSite=Lax world, 20 logins a minute")
  void defaults() {
    WebSettings s = build("http://localhost:8080/", x -> x);
    assertThat(s.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(s.publicOrigin()).isEqualTo("http://localhost:8080");
    assertThat(s.client()).isEqualTo(TestApp.CLIENT);
    assertThat(s.secureCookies()).isFalse();
    assertThat(s.embedMode()).isFalse();
    assertThat(s.loginRateLimit()).isEqualTo(20);
    assertThat(s.loginRateLimitPerAddress()).isEqualTo(300);
    assertThat(s.trustedProxies().isEmpty()).isTrue();
    assertThat(build("https://app.example.com:443", x -> x).publicOrigin())
        .isEqualTo("https://app.example.com");
    assertThat(build("https://app.example.com", x -> x).secureCookies()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://app.example.com/path",
        "https://app.example.com/?q=1",
        "https://user@app.example.com",
        "ftp://app.example.com",
        "app.example.com"
      })
  @DisplayName("SEC-19: publicBaseUrl must be a bare http(s) origin")
  void badBaseUrl(String url) {
    assertThatThrownBy(() -> build(url, x -> x)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "SEC-04/SEC-16/SEC-26: invalid combinations and CSP-breaking origins fail at start-up")
  void invalid() {
    String url = "https://app.example.com";
    assertThatThrownBy(
            () ->
                build(
                    "http://app.example.com",
                    x -> x.withCookies(false, Set.of("https://h.example"))))
        .hasMessageContaining("embed mode needs Secure cookies");
    assertThatThrownBy(
            () -> build(url, x -> x.withCookies(true, Set.of("https://x.example; script-src *"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> build(url, x -> x.withAddress("127.0.0.1", 70_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
