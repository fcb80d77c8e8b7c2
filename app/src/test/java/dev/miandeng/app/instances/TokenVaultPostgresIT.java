package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.persistence.jdbi.JdbiStores;
import dev.miandeng.adapter.persistence.jdbi.PostgresTestSchema;
import dev.miandeng.app.AppInstances;
import dev.miandeng.app.AppInstances.Instance;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.ConsentNeeded;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Result;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Usable;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The token vault of two production app instances on ONE PostgreSQL (given by {@value
 * PostgresTestSchema#URL_ENV}; skipped loudly without it, failing under {@code CI=true}), in a
 * schema of its own dropped afterwards, with one Feishu simulator as the auth center: one refresh
 * per rotation across instances, nothing in plaintext at rest, and "log out everywhere" deleting
 * the grant.
 */
class TokenVaultPostgresIT {

  /** Inside the refresh margin (5 min) of a 2-hour user_access_token. */
  private static final Duration NEAR_EXPIRY = Duration.ofMinutes(117);

  private final String key = TokenKeyRing.ephemeralText(new SecureRandom());
  private final MutableClock clock = new MutableClock(Instant.now());
  private PostgresTestSchema schema;
  private String databaseUrl;
  private AppInstances apps;
  private Instance a;
  private Instance b;

  @BeforeEach
  void twoInstancesOnOneDatabase() {
    schema = PostgresTestSchema.on(PostgresTestSchema.serverFromEnvironment());
    databaseUrl = schema.settings().jdbcUrl();
    apps = AppInstances.onSimulator(SimulatorSettings.defaults());
    Map<String, String> settings =
        Map.of("MIANDENG_DB_URL", databaseUrl, "MIANDENG_TOKEN_KEY", key);
    a = apps.start(settings, clock);
    b = apps.start(settings, clock);
  }

  @AfterEach
  void stop() {
    if (apps != null) {
      apps.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  private UserId logInOn(Instance instance) throws Exception {
    return InClientLogin.logIn(apps, instance, apps.simulator().roster().getFirst().openId())
        .userId();
  }

  private int tokenCalls() {
    return apps.simulator().control().count(SimulatedEndpoint.OAUTH_TOKEN);
  }

  private static String tokenOf(Result result) {
    assertThat(result).isInstanceOf(Usable.class);
    return ((Usable) result).accessToken();
  }

  @Test
  @DisplayName(
      "SEC-24 REL-06 two instances on one PostgreSQL obtain one user's expiring token at once:"
          + " Feishu sees exactly one refresh, and both get the same new token")
  void oneRefreshAcrossInstances() throws Exception {
    UserId alice = logInOn(a);
    String loginToken = tokenOf(a.useCases().obtainUserAccessToken().obtain(alice));
    clock.advance(NEAR_EXPIRY);
    // Slow Feishu down so the second caller surely arrives while the first holds the grant.
    apps.simulator().control().latency(Duration.ofMillis(400));
    int before = tokenCalls();
    List<Instance> both = List.of(a, b);
    AtomicInteger next = new AtomicInteger();

    List<Result> results =
        Concurrently.run(
            2,
            () ->
                both.get(next.getAndIncrement()).useCases().obtainUserAccessToken().obtain(alice));

    assertThat(tokenCalls()).as("refresh grants sent to Feishu").isEqualTo(before + 1);
    String first = tokenOf(results.get(0));
    assertThat(tokenOf(results.get(1))).isEqualTo(first);
    assertThat(first).isNotEqualTo(loginToken);
    assertThat(rows("select version from user_tokens")).containsExactly("2");
  }

  @Test
  @DisplayName(
      "SEC-23 after a login (and a refresh) no column of the vault holds a token in plaintext;"
          + " each row names its key id")
  void noPlaintextAtRest() throws Exception {
    UserId alice = logInOn(a);
    clock.advance(NEAR_EXPIRY);
    tokenOf(b.useCases().obtainUserAccessToken().obtain(alice));
    UserGrant grant = readWithTheKey(alice).grant();

    List<String> cells = rows("select * from user_tokens");

    assertThat(cells).contains(alice.value().toString(), TokenKeyRing.parse(key).currentKeyId());
    for (String token : List.of(grant.accessToken(), grant.refreshToken())) {
      assertThat(token).hasSizeGreaterThan(40);
      String middle = token.substring(token.length() / 2 - 12, token.length() / 2 + 12);
      assertThat(cells).noneMatch(cell -> cell.contains(middle));
    }
  }

  @Test
  @DisplayName(
      "SEC-10 \"log out everywhere\" on one instance deletes the user's grant: the other instance"
          + " needs consent")
  void logOutEverywhereDeletesTheGrant() throws Exception {
    InClientLogin.LoggedIn alice =
        InClientLogin.logIn(apps, a, apps.simulator().roster().getFirst().openId());
    assertThat(rows("select user_id from user_tokens"))
        .containsExactly(alice.userId().value().toString());

    assertThat(alice.browser().post(b.url(), "/api/logout-everywhere", "{}").statusCode())
        .isEqualTo(204);

    assertThat(rows("select user_id from user_tokens")).isEmpty();
    assertThat(a.useCases().obtainUserAccessToken().obtain(alice.userId()))
        .isInstanceOf(ConsentNeeded.class);
  }

  @Test
  @DisplayName("SEC-23 a JWT-sized grant (8 KB tokens) round-trips through the app's vault schema")
  void eightKilobyteTokensRoundTrip() throws Exception {
    UserId alice = logInOn(a);
    // Whole seconds, as Feishu's lifetimes are (the columns keep microseconds).
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    UserGrant jwtSized =
        new UserGrant(
            "eyJ" + "x".repeat(8 * 1024),
            now.plusSeconds(7200),
            "eyJ" + "y".repeat(8 * 1024),
            now.plus(Duration.ofDays(7)),
            Set.of("offline_access"));
    try (JdbiStores other = JdbiStores.open(DatabaseSettings.of(databaseUrl, "", ""))) {
      other.userTokens(TokenKeyRing.parse(key)).save(alice, jwtSized);
    }

    assertThat(tokenOf(b.useCases().obtainUserAccessToken().obtain(alice)))
        .isEqualTo(jwtSized.accessToken());
    assertThat(readWithTheKey(alice).grant()).isEqualTo(jwtSized);
  }

  /** The stored grant, read as a third instance would, with the same key. */
  private StoredGrant readWithTheKey(UserId user) {
    try (JdbiStores other = JdbiStores.open(DatabaseSettings.of(databaseUrl, "", ""))) {
      return other.userTokens(TokenKeyRing.parse(key)).find(user).orElseThrow();
    }
  }

  /** Every cell of every row the query returns, as text, with plain JDBC. */
  private List<String> rows(String query) throws SQLException {
    List<String> cells = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(databaseUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          cells.add(String.valueOf(rs.getString(i)));
        }
      }
    }
    return cells;
  }
}
