package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.contract.IdentityLookupContract;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatedUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The port contract, plus the browser (PKCE) flow and failure handling, against a real started
 * {@link FeishuSimulator}, with the v2 exchange. {@link FeishuIdentityLookupOidcSimulatorTest} runs
 * the same with the OIDC exchange.
 */
class FeishuIdentityLookupSimulatorTest extends IdentityLookupContract {

  private static final String REDIRECT_URI = "http://127.0.0.1/auth/callback";
  private static final SecureRandom RANDOM = new SecureRandom();

  @RegisterExtension static final OnSimulator SIMULATOR = new OnSimulator();

  private FeishuIdentityLookup lookup;

  /** Which exchange this class runs with. */
  ExchangeFlavour flavour() {
    return ExchangeFlavour.V2;
  }

  @BeforeEach
  void newLookup() {
    FeishuSettings settings = SIMULATOR.settings(REDIRECT_URI).withExchange(flavour());
    lookup = FeishuIdentityLookup.create(settings, Clock.systemUTC(), duration -> {});
  }

  @Override
  protected IdentityLookup lookup() {
    return lookup;
  }

  @Override
  protected CodeGrant.FromClient freshClientCode() {
    return codeFor(owner());
  }

  @Override
  protected VerifiedIdentity expectedIdentity() {
    SimulatedUser user = owner();
    return new VerifiedIdentity(
        new Identity(
            user.tenantKey(), user.openId(), user.unionId(), Optional.ofNullable(user.userId())),
        new Profile(
            user.name(),
            user.enName() == null ? "" : user.enName(),
            user.avatarUrl(),
            Optional.ofNullable(user.email())));
  }

  static FeishuSimulator sim() {
    return SIMULATOR.sim();
  }

  private static SimulatedUser owner() {
    return sim().roster().getFirst();
  }

  private static CodeGrant.FromClient codeFor(SimulatedUser user) {
    return new CodeGrant.FromClient(
        new AuthorizationCode(sim().control().issueCode(user.openId(), CodeKind.REQUEST_ACCESS)));
  }

  @Test
  @DisplayName(
      "with offline_access the login returns the grant: both lifetimes counted from the request,"
          + " the granted scopes")
  void offlineAccessBringsTheGrant() {
    java.time.Instant before = java.time.Instant.now();

    UserGrant grant = lookup.identify(freshClientCode()).grant().orElseThrow();

    assertThat(grant.scopes()).contains("offline_access");
    assertThat(grant.accessExpiresAt()).isBetween(before, before.plus(Duration.ofHours(3)));
    assertThat(grant.refreshExpiresAt()).isAfter(grant.accessExpiresAt());
    assertThat(grant.accessToken()).isNotEqualTo(grant.refreshToken());
  }

  @Test
  @DisplayName("SEC-18 SEC-19 a browser code exchanged with its PKCE verifier identifies its owner")
  void browserCodeWithVerifier() {
    PkceVerifier verifier = PkceVerifier.generate(RANDOM);
    String code =
        sim()
            .control()
            .issueCode(owner().openId(), CodeKind.BROWSER, verifier.s256Challenge(), REDIRECT_URI);

    VerifiedIdentity verified =
        lookup.identify(new CodeGrant.FromBrowser(new AuthorizationCode(code), verifier));

    assertThat(verified)
        .usingRecursiveComparison()
        .ignoringFields("grant")
        .isEqualTo(expectedIdentity());
  }

  @Test
  @DisplayName("SEC-18 a browser code with the wrong PKCE verifier is refused")
  void browserCodeWithWrongVerifier() {
    PkceVerifier verifier = PkceVerifier.generate(RANDOM);
    String code =
        sim()
            .control()
            .issueCode(owner().openId(), CodeKind.BROWSER, verifier.s256Challenge(), REDIRECT_URI);
    CodeGrant forged =
        new CodeGrant.FromBrowser(new AuthorizationCode(code), PkceVerifier.generate(RANDOM));

    assertThatThrownBy(() -> lookup.identify(forged)).isInstanceOf(CodeRefusedException.class);
  }

  @Test
  @DisplayName("SEC-19 a browser code issued for another redirect_uri is not accepted")
  void browserCodeForAnotherRedirectUri() {
    PkceVerifier verifier = PkceVerifier.generate(RANDOM);
    String code =
        sim()
            .control()
            .issueCode(
                owner().openId(),
                CodeKind.BROWSER,
                verifier.s256Challenge(),
                "http://127.0.0.1/elsewhere");

    assertThatThrownBy(
            () -> lookup.identify(new CodeGrant.FromBrowser(new AuthorizationCode(code), verifier)))
        .isNotInstanceOf(AuthCenterUnavailableException.class)
        .isInstanceOf(dev.miandeng.domain.identity.IdentityLookupException.class);
  }

  @Test
  void aDisabledUserIsNotAllowed() {
    SimulatedUser disabled =
        sim().roster().stream().filter(SimulatedUser::disabled).findFirst().orElseThrow();

    assertThatThrownBy(() -> lookup.identify(codeFor(disabled)))
        .isInstanceOf(UserNotAllowedException.class);
  }

  @Test
  @DisplayName(
      "REL-03 an auth center that is down fails as unavailable, and recovery needs no restart")
  void authCenterDownAndBack() {
    sim().control().down(true);
    assertThatThrownBy(() -> lookup.identify(freshClientCode()))
        .isInstanceOf(AuthCenterUnavailableException.class);

    sim().control().down(false);
    assertThat(lookup.identify(freshClientCode()))
        .usingRecursiveComparison()
        .ignoringFields("grant")
        .isEqualTo(expectedIdentity());
  }

  @Test
  @DisplayName("REL-02 user_info failing with 503 twice is retried; the code exchange is sent once")
  void userInfoRetriedExchangeNot() {
    sim().control().failNext(SimulatedEndpoint.USER_INFO, 2, 503, 20072);

    assertThat(lookup.identify(freshClientCode()))
        .usingRecursiveComparison()
        .ignoringFields("grant")
        .isEqualTo(expectedIdentity());
    assertThat(sim().control().count(SimulatedEndpoint.USER_INFO)).isEqualTo(3);
    assertThat(sim().control().count(exchangeEndpoint())).isEqualTo(1);
  }

  @Test
  @DisplayName("REL-02 a code exchange failing with 20050 / HTTP 500 is not retried")
  void exchangeNotRetried() {
    sim().control().failNext(exchangeEndpoint(), 1, 500, 20050);

    assertThatThrownBy(() -> lookup.identify(freshClientCode()))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(sim().control().count(exchangeEndpoint())).isEqualTo(1);
  }

  SimulatedEndpoint exchangeEndpoint() {
    return SimulatedEndpoint.OAUTH_TOKEN;
  }
}
