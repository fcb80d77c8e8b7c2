package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.fixtures.OutsideService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL for tests, found in this order:
 *
 * <ol>
 *   <li>the JDBC URL in {@value #URL_ENV} (e.g. {@code
 *       jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 *   <li>a Testcontainers container, when a Docker engine is available;
 *   <li>none: the tests are skipped with a loud message, unless {@code CI=true}, where they fail.
 * </ol>
 *
 * Each fresh database is a new, uniquely named schema (the URL's {@code currentSchema}, which
 * Flyway adopts as its default schema), dropped after the test.
 */
final class PostgresTestDatabase extends TestDatabase {

  static final String URL_ENV = "MIANDENG_TEST_POSTGRES_URL";

  private static final Pattern SCHEMA = Pattern.compile("currentSchema=([a-z0-9_]+)");

  /** One server per JVM: located once, shared by every test class. */
  private static DatabaseSettings server;

  private static PostgreSQLContainer container;

  static PostgresTestDatabase create() {
    return new PostgresTestDatabase();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (PostgresTestDatabase.class) {
      if (server == null) {
        server = locate();
      }
    }
  }

  private static DatabaseSettings locate() {
    String url = System.getenv(URL_ENV);
    if (url != null && !url.isBlank()) {
      return DatabaseSettings.of(url.strip(), "", "");
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return DatabaseSettings.of(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    String why =
        "NO POSTGRESQL FOR THE TESTS: set "
            + URL_ENV
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or run a Docker engine"
            + " for Testcontainers.";
    return OutsideService.missing("PostgreSQL", why);
  }

  @Override
  protected DatabaseSettings createDatabase() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    String schema = "miandeng_test_" + HexFormat.of().formatHex(bytes);
    try (Connection c = connect(server);
        Statement s = c.createStatement()) {
      // An identifier cannot be a bound parameter; this one is ours, [a-z0-9_] only.
      s.execute("create schema " + schema);
    } catch (SQLException e) {
      return Assertions.fail("cannot create a test schema on " + server, e);
    }
    String url = server.jdbcUrl();
    return DatabaseSettings.of(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        server.user(),
        server.password());
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) throws SQLException {
    Matcher m = SCHEMA.matcher(settings.jdbcUrl());
    if (m.find()) {
      try (Connection c = connect(server);
          Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + m.group(1) + " cascade");
      }
    }
  }

  @Override
  protected String serverUrl() {
    return server.jdbcUrl();
  }

  @Override
  protected int defaultPort() {
    return 5432;
  }
}
