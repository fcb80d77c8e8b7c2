package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Login, then refresh, against a started {@link FeishuSimulator}: each grant is refreshed at the
 * endpoint family that issued it (v2, OIDC v1, v3), v3 with a client assertion and no secret, and
 * tokens of 8 KB travel whole through the exchange, user_info and the refresh.
 */
class UserTokenRefreshFamiliesSimulatorTest {

  private static final String REDIRECT_URI = "http://127.0.0.1/auth/callback";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int EIGHT_KB = 8 * 1024;

  /** A JWT-shaped assertion as a signer would write it, expiring in 2100. */
  static String assertion(String subject) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(
            "{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(
            ("{\"iss\":\"" + subject + "\",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  private static final String ASSERTION = assertion("cli_simulator");

  @TempDir Path dir;

  private FeishuSimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private FeishuSettings start(SimulatorSettings simulator, ExchangeFlavour flavour) {
    sim = FeishuSimulator.start(simulator.withClientAssertion(ASSERTION));
    return OnSimulator.settings(sim, REDIRECT_URI)
        .withExchange(flavour)
        .withLoginDeadline(Duration.ofSeconds(60));
  }

  /** v3 with the assertion in a file and no App Secret at all. */
  private FeishuSettings assertionOnly(FeishuSettings settings) throws IOException {
    Path file = Files.writeString(dir.resolve("assertion.jwt"), ASSERTION + "\n");
    return settings.withClientAssertionFile(file).withAppSecret("");
  }

  private UserGrant login(FeishuSettings settings, CodeGrant code) {
    return FeishuIdentityLookup.create(settings, Clock.systemUTC())
        .identify(code)
        .grant()
        .orElseThrow();
  }

  private CodeGrant clientCode() {
    return new CodeGrant.FromClient(
        new AuthorizationCode(
            sim.control().issueCode(sim.roster().getFirst().openId(), CodeKind.REQUEST_ACCESS)));
  }

  private CodeGrant browserCode() {
    PkceVerifier verifier = PkceVerifier.generate(RANDOM);
    String code =
        sim.control()
            .issueCode(
                sim.roster().getFirst().openId(),
                CodeKind.BROWSER,
                verifier.s256Challenge(),
                REDIRECT_URI);
    return new CodeGrant.FromBrowser(new AuthorizationCode(code), verifier);
  }

  private static FeishuUserTokenRefresher refresher(FeishuSettings settings) {
    return FeishuUserTokenRefresher.create(settings, Clock.systemUTC());
  }

  @Test
  @DisplayName("v2 unchanged: refreshed at v2, rotated; the spent refresh token ends the grant")
  void v2RefreshUnchanged() {
    FeishuSettings settings = start(SimulatorSettings.defaults(), ExchangeFlavour.V2);
    UserGrant first = login(settings, clientCode());

    UserGrant next = refresher(settings).refresh(first);

    assertThat(GrantFamily.of(first.refreshToken())).isEqualTo(GrantFamily.V2);
    assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_TOKEN)).isEqualTo(2);
    assertThatThrownBy(() -> refresher(settings).refresh(first))
        .isInstanceOf(RefreshTokenRejectedException.class);
  }

  @Test
  @DisplayName(
      "OIDC mode: a JSAPI code's grant is refreshed at the OIDC endpoint, a browser code's (v2)"
          + " at v2")
  void oidcModeRefreshesEachGrantAtItsFamily() {
    FeishuSettings settings = start(SimulatorSettings.defaults(), ExchangeFlavour.OIDC);
    FeishuUserTokenRefresher refresher = refresher(settings);
    UserGrant fromClient = login(settings, clientCode());
    UserGrant fromBrowser = login(settings, browserCode());

    UserGrant clientNext = refresher.refresh(fromClient);
    assertThat(sim.control().count(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_TOKEN)).isEqualTo(1);
    UserGrant browserNext = refresher.refresh(fromBrowser);

    assertThat(GrantFamily.of(clientNext.refreshToken())).isEqualTo(GrantFamily.OIDC);
    assertThat(GrantFamily.of(browserNext.refreshToken())).isEqualTo(GrantFamily.V2);
    assertThat(sim.control().count(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_TOKEN)).isEqualTo(2);
    assertThat(refresher.refresh(clientNext).accessToken()).isNotEqualTo(clientNext.accessToken());
  }

  @Test
  @DisplayName(
      "REL-07 OIDC refresh with a stale app token: a new app token, the refresh repeated once,"
          + " the grant rotated")
  void oidcRefreshReplacesAStaleAppToken() {
    FeishuSettings settings = start(SimulatorSettings.defaults(), ExchangeFlavour.OIDC);
    FeishuUserTokenRefresher refresher = refresher(settings);
    UserGrant grant = login(settings, clientCode());
    refresher.refresh(login(settings, clientCode())); // the refresher's app token is cached now
    int appTokensBefore = sim.control().count(SimulatedEndpoint.APP_ACCESS_TOKEN);
    sim.control().failNext(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN, 1, 200, 20014);

    UserGrant next = refresher.refresh(grant);

    assertThat(next.refreshToken()).isNotEqualTo(grant.refreshToken());
    assertThat(sim.control().count(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN)).isEqualTo(3);
    assertThat(sim.control().count(SimulatedEndpoint.APP_ACCESS_TOKEN))
        .isEqualTo(appTokensBefore + 1);
  }

  @Test
  @DisplayName(
      "REL-07 REL-02 an app token rejected twice is an outage after one repeat; the grant"
          + " survives")
  void oidcRefreshTwiceStaleIsAnOutage() {
    FeishuSettings settings = start(SimulatorSettings.defaults(), ExchangeFlavour.OIDC);
    FeishuUserTokenRefresher refresher = refresher(settings);
    UserGrant grant = login(settings, clientCode());
    sim.control().failNext(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN, 2, 200, 20014);

    assertThatThrownBy(() -> refresher.refresh(grant))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(sim.control().count(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN)).isEqualTo(2);
    assertThat(refresher.refresh(grant).refreshToken()).isNotEqualTo(grant.refreshToken());
  }

  @Test
  @DisplayName("v3 with client_secret: exchanged and refreshed at the accounts host's v3 endpoint")
  void v3WithSecret() {
    FeishuSettings settings = start(SimulatorSettings.defaults(), ExchangeFlavour.V3);
    UserGrant first = login(settings, browserCode());

    UserGrant next = refresher(settings).refresh(first);

    assertThat(GrantFamily.of(next.refreshToken())).isEqualTo(GrantFamily.V3);
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_V3_TOKEN)).isEqualTo(2);
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_TOKEN)).isZero();
    assertThatThrownBy(() -> refresher(settings).refresh(first))
        .isInstanceOf(RefreshTokenRejectedException.class);
  }

  @Test
  @DisplayName(
      "v3 with a client assertion and no App Secret: login and refresh; a wrong assertion is a"
          + " misconfiguration that leaves the grant intact, and a rewritten file is read again")
  void v3WithClientAssertion() throws IOException {
    FeishuSettings settings =
        assertionOnly(start(SimulatorSettings.defaults(), ExchangeFlavour.V3));
    FeishuUserTokenRefresher refresher = refresher(settings);
    UserGrant grant = login(settings, clientCode());
    Path file = settings.clientAssertionFile().orElseThrow();

    Files.writeString(file, assertion("cli_someone_else"));
    assertThatThrownBy(() -> refresher.refresh(grant))
        .isInstanceOf(AuthCenterMisconfiguredException.class);
    assertThatThrownBy(() -> login(settings, clientCode()))
        .isInstanceOf(AuthCenterMisconfiguredException.class);

    Files.writeString(file, ASSERTION);
    UserGrant next = refresher.refresh(grant);
    assertThat(next.refreshToken()).startsWith("v3:").isNotEqualTo(grant.refreshToken());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ExchangeFlavour.class)
  @DisplayName(
      "tokens of 8 KB (user tokens, app tokens) pass whole through exchange, user_info and"
          + " refresh")
  void eightKilobyteTokensEndToEnd(ExchangeFlavour flavour) throws IOException {
    FeishuSettings settings =
        start(SimulatorSettings.defaults().withTokenLength(EIGHT_KB), flavour);
    if (flavour == ExchangeFlavour.V3) {
      settings = assertionOnly(settings);
    }
    // OIDC: a JSAPI code, so the 8 KB app_access_token travels as a Bearer header.
    UserGrant first =
        login(settings, flavour == ExchangeFlavour.OIDC ? clientCode() : browserCode());

    UserGrant next = refresher(settings).refresh(first);

    if (flavour != ExchangeFlavour.OIDC) {
      for (UserGrant grant : new UserGrant[] {first, next}) {
        assertThat(grant.accessToken()).hasSize(EIGHT_KB);
        assertThat(GrantFamily.of(grant.refreshToken()).feishuToken(grant.refreshToken()))
            .hasSize(EIGHT_KB);
      }
    }
    assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
  }
}
