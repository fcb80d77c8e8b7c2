package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.app.AppInstances;
import dev.miandeng.app.AppInstances.Instance;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.TokensNotKept;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production app on a database without {@code MIANDENG_TOKEN_KEY}: the token vault is off
 * (README "Token vault"). Logins work, nothing is kept, and the demo's call made as the user says
 * so ({@code 501 token_vault_off}) instead of asking for a consent that would be dropped too.
 */
class TokenVaultOffTest {

  @TempDir Path dataDir;

  private final AppInstances apps = AppInstances.onSimulator(SimulatorSettings.defaults());

  @AfterEach
  void stop() {
    apps.close();
  }

  @Test
  @DisplayName(
      "SEC-23 a production start on H2 without a token key: a logged-in user's GET /api/me/tasks"
          + " is 501 token_vault_off (no consent offered), Feishu's task API is never called and"
          + " no grant is stored")
  void aLoggedInUserIsToldTheServerKeepsNoTokens() throws Exception {
    Instance app =
        apps.start(
            Map.of("MIANDENG_DATA_DIR", dataDir.toString()), new MutableClock(Instant.now()));
    // The simulator's in-client login carries offline_access: a vault that kept grants would
    // keep this one.
    InClientLogin.LoggedIn alice =
        InClientLogin.logIn(apps, app, apps.simulator().roster().getFirst().openId());

    HttpResponse<String> tasks = alice.browser().get(app.url(), "/api/me/tasks");

    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(501);
    assertThat(tasks.body())
        .startsWith("{\"error\":\"token_vault_off\",")
        .doesNotContain("missingScopes");
    assertThat(tasks.headers().firstValue("Retry-After")).isEmpty();
    assertThat(apps.simulator().control().count(SimulatedEndpoint.TASKS)).isZero();
    assertThat(app.useCases().obtainUserAccessToken().obtain(alice.userId()))
        .isEqualTo(new TokensNotKept());
    assertThat(storedGrants()).isZero();
  }

  private int storedGrants() throws Exception {
    try (Connection c =
            DriverManager.getConnection(DatabaseSettings.h2FileUrl(dataDir.resolve("miandeng")));
        Statement count = c.createStatement();
        ResultSet rs = count.executeQuery("select count(*) from user_tokens")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }
}
