package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.identity.PkceVerifier;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorizeUrlTest {

  private static final PkceVerifier VERIFIER =
      new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  @Test
  @DisplayName(
      "SEC-18 SEC-19 the authorize URL: configured host, encoded redirect_uri, %20 scopes, S256")
  void exactAuthorizeUrl() {
    FeishuSettings settings =
        FeishuSettings.of("cli_a1b2c3", "secret", "https://app.example.test/auth/cb?x=1")
            .withScopes(List.of("contact:user.base:readonly", "offline_access"));

    URI url =
        FeishuIdentityLookup.create(settings, Clock.systemUTC()).authorizeUrl("st-1", VERIFIER);

    // The RFC 7636 appendix B example: this verifier's S256 challenge is known.
    assertThat(url.toString())
        .isEqualTo(
            "https://accounts.feishu.cn/open-apis/authen/v1/authorize?client_id=cli_a1b2c3"
                + "&response_type=code"
                + "&redirect_uri=https%3A%2F%2Fapp.example.test%2Fauth%2Fcb%3Fx%3D1"
                + "&scope=contact%3Auser.base%3Areadonly%20offline_access"
                + "&state=st-1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256");
  }

  @Test
  void noScopeParameterWithoutScopes() {
    FeishuSettings settings = FeishuSettings.of("cli_a", "secret", "https://a.test/cb");

    URI url = FeishuIdentityLookup.create(settings, Clock.systemUTC()).authorizeUrl("s", VERIFIER);

    assertThat(url.getRawQuery()).doesNotContain("scope=");
  }

  @Test
  @DisplayName("incremental consent: the extra scopes follow the configured ones, each once")
  void extraScopesAfterTheConfiguredOnes() {
    FeishuSettings settings =
        FeishuSettings.of("cli_a", "secret", "https://a.test/cb")
            .withScopes(List.of("contact:user.base:readonly", "offline_access"));

    URI url =
        FeishuIdentityLookup.create(settings, Clock.systemUTC())
            .authorizeUrl("s", VERIFIER, java.util.Set.of("task:task:read", "offline_access"));

    assertThat(url.getRawQuery())
        .contains(
            "&scope=contact%3Auser.base%3Areadonly%20offline_access%20task%3Atask%3Aread&state=");
  }
}
