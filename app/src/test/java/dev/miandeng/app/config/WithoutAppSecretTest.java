package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A v3 client assertion without an App Secret starts, and the summary warns what cannot work. */
class WithoutAppSecretTest {

  @Test
  @DisplayName("v3 with a client assertion and no App Secret: one warning naming what cannot work")
  void warnsOnce() {
    AppConfig config =
        Credentials.read(
            Map.of(
                "FEISHU_APP_ID", "cli_a1b2c3",
                "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com",
                "FEISHU_EXCHANGE", "v3",
                "FEISHU_CLIENT_ASSERTION_FILE", "/run/secrets/feishu-assertion.jwt"));

    assertThat(config.warnings())
        .singleElement()
        .asString()
        .startsWith("no FEISHU_APP_SECRET")
        .contains("JSAPI signature (tenant_access_token → JSSDK ticket)", "OIDC exchange");
  }

  @Test
  @DisplayName("with an App Secret there is nothing to warn about")
  void noWarningWithASecret() {
    assertThat(Credentials.read(Map.of()).warnings()).isEmpty();
  }
}
