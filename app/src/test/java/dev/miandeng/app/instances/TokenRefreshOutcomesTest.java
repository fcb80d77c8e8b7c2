package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.feishu.FeishuUserTokenRefresher;
import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.persistence.jdbi.JdbiStores;
import dev.miandeng.app.AppInstances;
import dev.miandeng.app.AppInstances.Instance;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.ConsentNeeded;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Result;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Usable;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.simulator.InjectedFailure;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorControl;
import dev.miandeng.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The refresh error table, end to end: the production app (token vault on H2, Feishu's v2 refresh
 * grant) against the simulator, one user's grant in its last minutes, and every way Feishu can
 * answer the refresh. A refusal of the refresh token (or of the user) ends the grant, the user must
 * consent again; an outage leaves the stored grant exactly as it was, and the next attempt after
 * the outage succeeds with it (REL-06). Codes: docs/feishu-errors.md, facts page section 5.
 */
class TokenRefreshOutcomesTest {

  /** Inside the refresh margin (5 min) of a 2-hour user_access_token. */
  private static final Duration NEAR_EXPIRY = Duration.ofMinutes(117);

  private static final SimulatedEndpoint TOKEN = SimulatedEndpoint.OAUTH_TOKEN;

  @TempDir Path dataDir;

  private final MutableClock appClock = new MutableClock(Instant.now());
  private final MutableClock feishuClock = new MutableClock(Instant.now());
  private final String key = TokenKeyRing.ephemeralText(new SecureRandom());
  private AppInstances apps;
  private Instance app;
  private JdbiStores elsewhere;
  private UserTokens vault;
  private UserId alice;

  @BeforeEach
  void logInWithAGrantNearExpiry() throws Exception {
    apps = AppInstances.onSimulator(SimulatorSettings.defaults().withClock(feishuClock));
    app = apps.start(settings(), appClock);
    // Another pool on the same database, as another instance would read the vault.
    elsewhere = JdbiStores.open(DatabaseSettings.h2File(dataDir.resolve("miandeng")));
    vault = elsewhere.userTokens(TokenKeyRing.parse(key));
    alice = InClientLogin.logIn(apps, app, apps.simulator().roster().getFirst().openId()).userId();
    assertThat(vault.find(alice)).as("the login kept the grant").isPresent();
    appClock.advance(NEAR_EXPIRY);
  }

  private Map<String, String> settings() {
    return Map.of("MIANDENG_DATA_DIR", dataDir.toString(), "MIANDENG_TOKEN_KEY", key);
  }

  @AfterEach
  void stop() {
    if (elsewhere != null) {
      elsewhere.close();
    }
    if (apps != null) {
      apps.close();
    }
  }

  private Result obtain() {
    return app.useCases().obtainUserAccessToken().obtain(alice);
  }

  private int refreshes() {
    return apps.simulator().control().count(TOKEN);
  }

  static Stream<Arguments> outages() {
    return Stream.of(
        Arguments.of("HTTP 503 code 20072", new InjectedFailure(1, 503, 20072, null, null)),
        Arguments.of("HTTP 500 code 20050", new InjectedFailure(1, 500, 20050, null, null)),
        Arguments.of("a gateway's bare HTTP 502", InjectedFailure.bareStatus(1, 502)),
        Arguments.of(
            "the connection dropped",
            new InjectedFailure(1, InjectedFailure.DROP_CONNECTION, 0, null, null)),
        Arguments.of(
            "rate limited (429, 99991400)", new InjectedFailure(1, 429, 99991400, null, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outages")
  @DisplayName(
      "REL-06 a Feishu outage during the refresh is an outage (503 upstream of the route), and the"
          + " stored grant is intact: same version, same refresh token, usable once Feishu is back")
  void anOutageLeavesTheGrantIntact(String name, InjectedFailure failure) {
    StoredGrant before = vault.find(alice).orElseThrow();
    int calls = refreshes();
    apps.simulator().control().failNext(TOKEN, failure);

    assertThatThrownBy(this::obtain).isInstanceOf(AuthCenterUnavailableException.class);

    assertThat(refreshes()).as("sent once, never repeated").isEqualTo(calls + 1);
    assertThat(vault.find(alice)).contains(before);
    Result after = obtain();
    assertThat(after).isInstanceOf(Usable.class);
    assertThat(((Usable) after).accessToken()).isNotEqualTo(before.grant().accessToken());
    assertThat(vault.find(alice).orElseThrow().version()).isEqualTo(before.version() + 1);
  }

  /** A refusal the simulator makes by itself, as Feishu would, from what happened to the token. */
  record Refusal(String name, Consumer<TokenRefreshOutcomesTest> cause) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        // Unknown to Feishu (here: the simulator forgot every token).
        new Refusal("20026 refresh token invalid", t -> t.control().reset()),
        // Feishu's lifetime ran out before ours (refresh_token_expires_in: 7 days in v2).
        new Refusal("20037 refresh token expired", t -> t.feishuClock.advance(Duration.ofDays(8))),
        new Refusal("20064 refresh token revoked", t -> t.control().expireTokens()),
        // Someone else (a stolen copy, another app) spent the single-use token first.
        new Refusal("20073 refresh token already used", TokenRefreshOutcomesTest::spendElsewhere));
  }

  private SimulatorControl control() {
    return apps.simulator().control();
  }

  private void spendElsewhere() {
    FeishuUserTokenRefresher.create(apps.config(settings()).identity(), appClock)
        .refresh(vault.find(alice).orElseThrow().grant());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  @DisplayName(
      "REL-06 a refresh token Feishu refuses (invalid, expired, revoked, used) ends the grant: the"
          + " user must consent again, and nothing is sent a second time")
  void aRefusedRefreshTokenEndsTheGrant(Refusal refusal) {
    refusal.cause().accept(this);
    int calls = refreshes();

    assertThat(obtain()).isInstanceOf(ConsentNeeded.class);

    assertThat(refreshes()).isEqualTo(calls + 1);
    assertThat(vault.find(alice)).isEmpty();
    assertThat(obtain()).isInstanceOf(ConsentNeeded.class);
    assertThat(refreshes()).as("an ended grant is not refreshed again").isEqualTo(calls + 1);
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {20026, 20037, 20064, 20073, 20008, 20009, 20010, 20021, 20022, 20023, 20066})
  @DisplayName(
      "REL-06 every refusal code of the refresh token or of the user (HTTP 400) ends the grant:"
          + " consent needed")
  void everyRefusalCodeEndsTheGrant(int code) {
    control().failNext(TOKEN, 1, 400, code);

    assertThat(obtain()).isInstanceOf(ConsentNeeded.class);

    assertThat(vault.find(alice)).isEmpty();
  }
}
