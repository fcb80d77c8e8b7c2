package dev.miandeng.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "semi;colon", "quote'", "<script>", "tab\t", "ünïcode"})
  void authorizationCodesHaveAStrictShape(String raw) {
    assertThatThrownBy(() -> new AuthorizationCode(raw))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void authorizationCodesAreBounded() {
    assertThat(new AuthorizationCode("a".repeat(512)).value()).hasSize(512);
    assertThatThrownBy(() -> new AuthorizationCode("a".repeat(513)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/jsapi/h5sdk.js",
        "javascript:alert(1)",
        "ftp://cdn.example/sdk.js",
        "https://cdn.example;script-src/sdk.js"
      })
  @DisplayName("SEC-26 the client script is an absolute http(s) URL with a host, or nothing")
  void clientScriptsAreHttpUrls(String script) {
    assertThatThrownBy(
            () -> new ClientLoginSettings("cli_a", List.of(), URI.create(script), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SEC-26 app id and scopes keep to the characters the JSAPI call is built from")
  void clientAppIdAndScopesHaveAStrictShape() {
    URI script = URI.create("https://cdn.example/sdk.js");
    assertThatThrownBy(() -> new ClientLoginSettings("cli a", List.of(), script, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClientLoginSettings("cli_a", List.of("a'b"), script, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ClientLoginSettings("cli_a", List.of(), script, Set.of(URI.create("/avatars"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            new ClientLoginSettings(
                    "cli_a", List.of("contact:user.email:readonly"), script, Set.of())
                .scopes())
        .containsExactly("contact:user.email:readonly");
  }

  @Test
  @DisplayName("SEC-23 a code never prints its value")
  void codesDoNotPrint() {
    assertThat(new AuthorizationCode("secret-code_123").toString())
        .doesNotContain("secret-code_123");
  }

  @Test
  @DisplayName("SEC-18 the S256 challenge matches RFC 7636 appendix B")
  void pkceChallengeMatchesTheRfcVector() {
    PkceVerifier verifier = new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    assertThat(verifier.s256Challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void identitiesRejectBlankKeys() {
    assertThatThrownBy(() -> new Identity(" ", "ou_1", "on_1", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Identity("t", "ou_1\n", "on_1", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SEC-22 names keep markup verbatim; avatars must be http(s)")
  void profiles() {
    assertThat(new Profile("<b>x</b>", "", "", Optional.empty()).name()).isEqualTo("<b>x</b>");
    assertThatThrownBy(() -> new Profile("x", "", "javascript:alert(1)", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SEC-22 no profile field holds a control character: NUL never reaches the database")
  void profilesRefuseControlCharacters() {
    assertThatThrownBy(() -> new Profile("a\u0000b", "", "", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Profile("", "x\u009b", "", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Profile("", "", "https://x.test/\u0007", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Profile("", "", "", Optional.of("a@b.test\n")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("SEC-22 an empty allow-list allows any tenant; a set one only its own")
  void tenantAllowList() {
    assertThat(TenantAllowList.ANY.allows("anyone")).isTrue();
    TenantAllowList acme = new TenantAllowList(java.util.Set.of("acme"));
    assertThat(acme.allows("acme")).isTrue();
    assertThat(acme.allows("globex")).isFalse();
  }
}
