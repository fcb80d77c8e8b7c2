package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.app.AppInstances;
import dev.miandeng.app.AppInstances.Instance;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.ConsentNeeded;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Result;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Usable;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating {@code MIANDENG_TOKEN_KEY} as the README's procedure says, across restarts of the
 * production app on one H2 file: put the new key first and keep the old; rows rewrite themselves
 * under the new key at their next refresh (or login); remove the old key once no row needs it; a
 * row whose key was removed reads as "consent needed", never as a failure.
 */
class TokenKeyRotationTest {

  private static final Duration NEAR_EXPIRY = Duration.ofMinutes(117);
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dataDir;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final String a = "a:" + key();
  private final String b = "b:" + key();
  private final AppInstances apps = AppInstances.onSimulator(SimulatorSettings.defaults());

  private static String key() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @AfterEach
  void stop() {
    apps.close();
  }

  private Instance startWithKeys(String ring) {
    return apps.start(
        Map.of("MIANDENG_DATA_DIR", dataDir.toString(), "MIANDENG_TOKEN_KEY", ring), clock);
  }

  private static Result obtain(Instance app, UserId user) {
    return app.useCases().obtainUserAccessToken().obtain(user);
  }

  private static String tokenOf(Result result) {
    assertThat(result).isInstanceOf(Usable.class);
    return ((Usable) result).accessToken();
  }

  @Test
  @DisplayName(
      "SEC-23 key rotation across restarts: new writes use the first key, old rows still open,"
          + " a refresh re-seals under the new key; a row whose key was removed means consent,"
          + " not a crash")
  void rotation() throws Exception {
    String alicesOpenId = apps.simulator().roster().get(0).openId();
    String bobsOpenId = apps.simulator().roster().get(1).openId();

    // 1. Key A only: both log in, their grants are sealed under 'a'.
    Instance first = startWithKeys(a);
    UserId alice = InClientLogin.logIn(apps, first, alicesOpenId).userId();
    UserId bob = InClientLogin.logIn(apps, first, bobsOpenId).userId();
    String alicesFirstToken = tokenOf(obtain(first, alice));
    first.close();
    assertThat(keyIdOf(alice)).isEqualTo("a");
    assertThat(keyIdOf(bob)).isEqualTo("a");

    // 2. Restart with "b,a": the old rows still open; reading does not rewrite them.
    Instance during = startWithKeys(b + "," + a);
    assertThat(tokenOf(obtain(during, alice))).isEqualTo(alicesFirstToken);
    assertThat(keyIdOf(alice)).isEqualTo("a");
    // Alice's token nears its end: the refresh stores the rotated grant under the new key.
    clock.advance(NEAR_EXPIRY);
    int refreshes = apps.simulator().control().count(SimulatedEndpoint.OAUTH_TOKEN);
    String alicesSecondToken = tokenOf(obtain(during, alice));
    assertThat(alicesSecondToken).isNotEqualTo(alicesFirstToken);
    assertThat(apps.simulator().control().count(SimulatedEndpoint.OAUTH_TOKEN))
        .isEqualTo(refreshes + 1);
    assertThat(keyIdOf(alice)).isEqualTo("b");
    assertThat(keyIdOf(bob)).as("Bob has not been refreshed yet").isEqualTo("a");
    during.close();

    // 3. Restart with "b" only: Alice's grant opens; Bob's row, sealed under the removed key,
    // reads as no grant.
    Instance after = startWithKeys(b);
    assertThat(tokenOf(obtain(after, alice))).isEqualTo(alicesSecondToken);
    assertThat(obtain(after, bob)).isInstanceOf(ConsentNeeded.class);
    // Bob consents again (a new login): his new grant is sealed under 'b' and usable.
    InClientLogin.logIn(apps, after, bobsOpenId);
    assertThat(keyIdOf(bob)).isEqualTo("b");
    assertThat(obtain(after, bob)).isInstanceOf(Usable.class);
  }

  private String keyIdOf(UserId user) throws SQLException {
    String url = DatabaseSettings.h2FileUrl(dataDir.resolve("miandeng"));
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement select =
            c.prepareStatement("select key_id from user_tokens where user_id = ?")) {
      select.setObject(1, user.value());
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).as("a row for " + user).isTrue();
        return rs.getString(1);
      }
    }
  }
}
