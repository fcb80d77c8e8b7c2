package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.feishu.ExchangeFlavour;
import dev.miandeng.adapter.feishu.FeishuSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** FEISHU_BRAND=lark and FEISHU_EXCHANGE=v3 with a client assertion, as start-up reads them. */
class LarkAndV3ConfigTest {

  private static Map<String, String> with(String... pairs) {
    Map<String, String> values = new HashMap<>(Credentials.realFeishu());
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return values;
  }

  @Test
  @DisplayName("FEISHU_BRAND=lark: OpenAPI, accounts and the JSSDK are Lark's; the CSP follows")
  void larkEverywhere() {
    FeishuSettings lark = Credentials.read(with("FEISHU_BRAND", "lark")).identity();

    assertThat(lark.openApiBaseUrl()).isEqualTo(URI.create("https://open.larksuite.com"));
    assertThat(lark.accountsBaseUrl()).isEqualTo(URI.create("https://accounts.larksuite.com"));
    assertThat(lark.jssdkUrl()).isEqualTo(FeishuSettings.LARK_JSSDK);
    assertThat(lark.jssdkUrl().getHost()).isEqualTo("lf-package-sg.larksuitecdn.com");
    assertThat(lark.clientLoginSettings().clientScript()).isEqualTo(FeishuSettings.LARK_JSSDK);
    assertThat(lark.clientLoginSettings().avatarOrigins())
        .isEqualTo(Set.of(URI.create("https://open.larksuite.com")));
  }

  @Test
  @DisplayName("every Lark URL can be set on its own (private deployments, unconfirmed hosts)")
  void larkUrlsAreConfigurable() {
    FeishuSettings lark =
        Credentials.read(
                with(
                    "FEISHU_BRAND", "lark",
                    "FEISHU_OPEN_API_BASE_URL", "https://open.lark.internal",
                    "FEISHU_ACCOUNTS_BASE_URL", "https://accounts.lark.internal",
                    "FEISHU_JSSDK_URL", "https://cdn.lark.internal/h5-js-sdk.js"))
            .identity();

    assertThat(lark.openApiBaseUrl()).isEqualTo(URI.create("https://open.lark.internal"));
    assertThat(lark.accountsBaseUrl()).isEqualTo(URI.create("https://accounts.lark.internal"));
    assertThat(lark.jssdkUrl()).isEqualTo(URI.create("https://cdn.lark.internal/h5-js-sdk.js"));
  }

  @Test
  @DisplayName(
      "SEC-25 FEISHU_EXCHANGE=v3 with FEISHU_CLIENT_ASSERTION_FILE starts without an App Secret")
  void v3WithAssertionFileNeedsNoSecret() {
    Map<String, String> values =
        Map.of(
            "FEISHU_APP_ID", "cli_a1b2c3",
            "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com",
            "FEISHU_EXCHANGE", "v3",
            "FEISHU_CLIENT_ASSERTION_FILE", "/run/secrets/feishu-assertion.jwt");

    AppConfig config = Credentials.read(values);

    assertThat(config.identity().exchange()).isEqualTo(ExchangeFlavour.V3);
    assertThat(config.identity().hasAppSecret()).isFalse();
    assertThat(config.identity().clientAssertionFile())
        .contains(Path.of("/run/secrets/feishu-assertion.jwt"));
    assertThat(String.join("\n", config.describe())).contains("appSecret=(none)");
  }

  @Test
  void withoutSecretOrAssertionStartUpStops() {
    Map<String, String> values =
        Map.of(
            "FEISHU_APP_ID", "cli_a1b2c3",
            "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com",
            "FEISHU_EXCHANGE", "v3");

    assertThatThrownBy(() -> Credentials.read(values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_CLIENT_ASSERTION_FILE");
  }

  @Test
  @DisplayName("an assertion file with the v2 exchange is refused rather than silently unused")
  void assertionFileNeedsV3() {
    assertThatThrownBy(
            () ->
                Credentials.read(
                    with("FEISHU_CLIENT_ASSERTION_FILE", "/run/secrets/feishu-assertion.jwt")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("v3");
  }
}
