package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The v3 client assertion and Lark's hosts in {@link FeishuSettings}. */
class FeishuSettingsV3Test {

  private static final FeishuSettings BASE =
      FeishuSettings.of("cli_a1b2c3", "s3cr3t", "https://app.example.com/auth/callback");
  private static final Path FILE = Path.of("/run/secrets/feishu-assertion.jwt");

  @Test
  @DisplayName("SEC-25 v3 with a client assertion file needs no App Secret, and prints none")
  void v3WithAssertionNeedsNoSecret() {
    FeishuSettings settings = BASE.withClientAssertionFile(FILE).withAppSecret("");

    assertThat(settings.exchange()).isEqualTo(ExchangeFlavour.V3);
    assertThat(settings.hasAppSecret()).isFalse();
    assertThat(settings.toString()).contains("appSecret=(none)").contains(FILE.toString());
    assertThat(BASE.withClientAssertionFile(FILE).toString())
        .contains("appSecret=***")
        .doesNotContain("s3cr3t");
  }

  @Test
  void withoutAssertionTheSecretIsRequired() {
    assertThatThrownBy(() -> BASE.withAppSecret(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appSecret");
    assertThatThrownBy(() -> BASE.withExchange(ExchangeFlavour.V3).withAppSecret(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("only the v3 exchange sends an assertion: configuring one for v2 or OIDC is refused")
  void assertionOnlyWithV3() {
    FeishuSettings v3 = BASE.withClientAssertionFile(FILE);

    assertThatThrownBy(() -> v3.withExchange(ExchangeFlavour.V2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("v3");
    assertThatThrownBy(() -> v3.withExchange(ExchangeFlavour.OIDC))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("Lark: both hosts and the JSSDK are Lark's; the page's CSP follows them")
  void larkHostsReachThePage() {
    FeishuSettings lark =
        BASE.withHosts(FeishuSettings.LARK_OPEN_API, FeishuSettings.LARK_ACCOUNTS)
            .withJssdkUrl(FeishuSettings.LARK_JSSDK);

    assertThat(lark.clientLoginSettings().clientScript())
        .isEqualTo(
            URI.create(
                "https://lf-package-sg.larksuitecdn.com/obj/lark-static-sgsaas/lark/op/h5-js-sdk-1.5.44.js"));
    assertThat(lark.clientLoginSettings().avatarOrigins())
        .isEqualTo(Set.of(URI.create("https://open.larksuite.com")));
    assertThat(
            AuthorizeUrl.of(
                    lark,
                    "state-1",
                    dev.miandeng.domain.identity.PkceVerifier.generate(
                        new java.security.SecureRandom()))
                .toString())
        .startsWith("https://accounts.larksuite.com/open-apis/authen/v1/authorize?");
  }
}
