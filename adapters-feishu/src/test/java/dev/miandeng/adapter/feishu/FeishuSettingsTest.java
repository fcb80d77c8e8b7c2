package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeishuSettingsTest {

  private static final String SECRET = "s3cr3t-app-secret-value";

  private final FeishuSettings settings =
      FeishuSettings.of("cli_a1b2c3", SECRET, "https://app.example.test/cb");

  @Test
  @DisplayName("SEC-25 the settings' toString masks the app secret")
  void toStringMasksTheSecret() {
    assertThat(settings.toString()).doesNotContain(SECRET).contains("appSecret=***");
    assertThat(settings.withExchange(ExchangeFlavour.OIDC).toString()).doesNotContain(SECRET);
  }

  @Test
  @DisplayName("REL-01 the defaults: Feishu hosts, v2, 2 s connect, 5 s read, 3 tries")
  void defaults() {
    assertThat(settings.openApiBaseUrl()).isEqualTo(URI.create("https://open.feishu.cn"));
    assertThat(settings.accountsBaseUrl()).isEqualTo(URI.create("https://accounts.feishu.cn"));
    assertThat(settings.exchange()).isEqualTo(ExchangeFlavour.V2);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.maxAttempts()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "the page's client settings: app id, scopes, Feishu's JSSDK; the OpenAPI host's pictures")
  void clientLoginSettings() {
    ClientLoginSettings client =
        settings.withScopes(List.of("contact:user.email:readonly")).clientLoginSettings();

    assertThat(client.appId()).isEqualTo("cli_a1b2c3");
    assertThat(client.scopes()).containsExactly("contact:user.email:readonly");
    assertThat(client.clientScript()).isEqualTo(FeishuSettings.FEISHU_JSSDK);
    assertThat(client.avatarOrigins()).containsExactly(URI.create("https://open.feishu.cn"));

    URI privateHost = URI.create("http://feishu.intranet.test:8443");
    URI privateJssdk = URI.create("http://feishu.intranet.test:8443/jsapi/h5sdk.js");
    ClientLoginSettings onPremises =
        settings
            .withHosts(privateHost, privateHost)
            .withJssdkUrl(privateJssdk)
            .clientLoginSettings();
    assertThat(onPremises.clientScript()).isEqualTo(privateJssdk);
    assertThat(onPremises.avatarOrigins()).containsExactly(privateHost);
    assertThatThrownBy(() -> settings.withJssdkUrl(URI.create("/jsapi/h5sdk.js")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTrailingSlashOnAHostIsDropped() {
    URI lark = URI.create("https://open.larksuite.com/");
    assertThat(settings.withHosts(lark, lark).openApiBaseUrl())
        .isEqualTo(URI.create("https://open.larksuite.com"));
  }

  @Test
  void badValuesFailAtConstruction() {
    assertThatThrownBy(() -> FeishuSettings.of(" ", SECRET, "https://a.test/cb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeishuSettings.of("cli_a", "", "https://a.test/cb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeishuSettings.of("cli_a", SECRET, "/relative/cb"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeishuSettings.of("cli_a", SECRET, "https://a.test/cb#frag"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                settings.withRetries(6, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withScopes(List.of("two words")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> settings.withHosts(URI.create("ftp://x.test"), URI.create("https://y.test")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
