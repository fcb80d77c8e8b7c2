package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSettingsTest {

  private static WebSettings build(String url, Consumer<WebSettings.Builder> tune) {
    WebSettings.Builder builder = WebSettings.builder(URI.create(url), TestApp.CLIENT);
    tune.accept(builder);
    return builder.build();
  }

  @Test
  @DisplayName("defaults: SameSite=Lax world, 16 KiB bodies, 20 logins a minute, /frontend")
  void defaults() {
    WebSettings s = build("http://localhost:8080/", b -> {});
    assertThat(s.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(s.publicOrigin()).isEqualTo("http://localhost:8080");
    assertThat(s.client()).isEqualTo(TestApp.CLIENT);
    assertThat(s.secureCookies()).isFalse();
    assertThat(s.embedMode()).isFalse();
    assertThat(s.maxRequestBodyBytes()).isEqualTo(16 * 1024);
    assertThat(s.loginRateLimit()).isEqualTo(20);
    assertThat(s.loginRateLimitPerAddress()).isEqualTo(300);
    assertThat(s.trustedProxies().isEmpty()).isTrue();
    assertThat(s.loginRateWindow()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.staticFilesRoot()).isEqualTo("/frontend");
    assertThat(build("https://app.example.com:443", b -> {}).publicOrigin())
        .isEqualTo("https://app.example.com");
    assertThat(build("https://app.example.com", b -> {}).secureCookies()).isTrue();
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
    assertThatThrownBy(() -> build(url, b -> {})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "SEC-04/SEC-16/SEC-26: invalid combinations and CSP-breaking origins fail at start-up")
  void invalid() {
    String url = "https://app.example.com";
    assertThatThrownBy(
            () ->
                build(
                    "http://app.example.com", b -> b.embedMode(true, Set.of("https://h.example"))))
        .hasMessageContaining("secureCookies");
    assertThatThrownBy(
            () -> build(url, b -> b.scriptOrigins(Set.of("https://x.example; script-src *"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> build(url, b -> b.loginCookieMaxAge(Duration.ofMinutes(11))))
        .hasMessageContaining("10 minutes");
    assertThatThrownBy(() -> build(url, b -> b.port(70_000)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> build(url, b -> b.staticFilesRoot("../etc")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
