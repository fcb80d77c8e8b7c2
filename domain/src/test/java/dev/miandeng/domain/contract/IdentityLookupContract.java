package dev.miandeng.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.net.URI;
import java.security.SecureRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdentityLookup} must do. A subclass supplies the adapter and a way to obtain a
 * fresh code from the provider it talks to (a simulator, a stub), plus who that code belongs to.
 */
public abstract class IdentityLookupContract {

  private static final SecureRandom RANDOM = new SecureRandom();

  protected abstract IdentityLookup lookup();

  /** A code the provider has just issued from its client JSAPI, never used. */
  protected abstract CodeGrant.FromClient freshClientCode();

  /** Who {@link #freshClientCode()} codes belong to. */
  protected abstract VerifiedIdentity expectedIdentity();

  @Test
  void aFreshCodeIdentifiesItsOwner() {
    VerifiedIdentity verified = lookup().identify(freshClientCode());

    assertThat(verified)
        .usingRecursiveComparison()
        .ignoringFields("grant")
        .isEqualTo(expectedIdentity());
  }

  @Test
  @DisplayName("a code is single use: the second exchange is refused")
  void aCodeIsSingleUse() {
    CodeGrant grant = freshClientCode();
    lookup().identify(grant);

    assertThatThrownBy(() -> lookup().identify(grant)).isInstanceOf(CodeRefusedException.class);
  }

  @Test
  void aCodeThatWasNeverIssuedIsRefused() {
    CodeGrant forged =
        new CodeGrant.FromClient(new AuthorizationCode("never-issued-0123456789abcdef"));

    assertThatThrownBy(() -> lookup().identify(forged)).isInstanceOf(CodeRefusedException.class);
  }

  @Test
  @DisplayName(
      "SEC-17 SEC-18 the authorize URL carries the state and the S256 challenge, never the verifier")
  void theAuthorizeUrlCarriesStateAndChallenge() {
    PkceVerifier verifier = PkceVerifier.generate(RANDOM);
    String state = "state-" + Long.toHexString(RANDOM.nextLong());

    URI url = lookup().authorizeUrl(state, verifier);

    assertThat(url.isAbsolute()).isTrue();
    assertThat(url.getRawQuery())
        .contains("state=" + state)
        .contains(verifier.s256Challenge())
        .doesNotContain(verifier.value());
  }
}
