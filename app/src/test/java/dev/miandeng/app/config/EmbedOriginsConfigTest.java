package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MIANDENG_EMBED_ORIGINS is refused by the configuration reader (exit 2, named), not later by the
 * web adapter's settings with a stack trace.
 */
class EmbedOriginsConfigTest {

  @ParameterizedTest
  @ValueSource(strings = {"host.example", "https://host.example/path", "https://host.example/"})
  @DisplayName("SEC-16 an embedding origin that is no origin is refused, naming the variable")
  void notAnOrigin(String origin) {
    assertThatThrownBy(() -> Credentials.read(Map.of("MIANDENG_EMBED_ORIGINS", origin)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("MIANDENG_EMBED_ORIGINS: ")
        .hasMessageContaining("must be an http(s) origin (scheme://host[:port], no path)");
  }

  @Test
  @DisplayName("SEC-04 embed mode without Secure cookies (an http public URL) is refused, named")
  void embedNeedsSecureCookies() {
    assertThatThrownBy(
            () ->
                Credentials.read(
                    Map.of(
                        "MIANDENG_EMBED_ORIGINS", "https://host.example",
                        "MIANDENG_PUBLIC_BASE_URL", "http://app.example.com")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("MIANDENG_EMBED_ORIGINS: embed mode needs Secure cookies");
  }

  @Test
  @DisplayName("an https origin with an https public URL, or secure cookies set, is accepted")
  void accepted() {
    assertThat(
            Credentials.read(Map.of("MIANDENG_EMBED_ORIGINS", "https://host.example:8443"))
                .http()
                .embedOrigins())
        .containsExactly("https://host.example:8443");
    assertThat(
            Credentials.read(
                    Map.of(
                        "MIANDENG_EMBED_ORIGINS", "https://host.example",
                        "MIANDENG_PUBLIC_BASE_URL", "http://app.example.com",
                        "MIANDENG_SECURE_COOKIES", "true"))
                .http()
                .embedOrigins())
        .containsExactly("https://host.example");
  }
}
