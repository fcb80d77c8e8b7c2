package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.fixtures.OutsideService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throwaway schema on a test PostgreSQL server: created under a unique name, handed to Flyway as
 * the URL's {@code currentSchema} (which it adopts as its default schema), and dropped with all it
 * holds on {@link #close()}. Shared through this module's test-jar with the application's and the
 * app's two-pool tests, so every PostgreSQL test isolates itself the same way.
 */
public final class PostgresTestSchema implements AutoCloseable {

  /**
   * The JDBC URL of the test server, e.g. {@code
   * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
   */
  public static final String URL_ENV = "MIANDENG_TEST_POSTGRES_URL";

  private final DatabaseSettings server;
  private final String name;

  private PostgresTestSchema(DatabaseSettings server, String name) {
    this.server = server;
    this.name = name;
  }

  /**
   * The server {@value #URL_ENV} names. Without it the calling test is skipped loudly, or fails
   * under {@code CI=true} ({@link OutsideService#missing}).
   */
  public static DatabaseSettings serverFromEnvironment() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      return OutsideService.missing("PostgreSQL", "NO POSTGRESQL: set " + URL_ENV + ".");
    }
    return DatabaseSettings.of(url.strip(), "", "");
  }

  /** Creates a new, empty schema on {@code server}. */
  public static PostgresTestSchema on(DatabaseSettings server) {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    PostgresTestSchema schema =
        new PostgresTestSchema(server, "miandeng_test_" + HexFormat.of().formatHex(bytes));
    // An identifier cannot be a bound parameter; this one is ours, [a-z0-9_] only.
    schema.execute("create schema " + schema.name);
    return schema;
  }

  /** The server's settings with this schema as the connections' current one. */
  public DatabaseSettings settings() {
    String url = server.jdbcUrl();
    return DatabaseSettings.of(
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name,
        server.user(),
        server.password());
  }

  /** Drops the schema and everything in it. */
  @Override
  public void close() {
    execute("drop schema if exists " + name + " cascade");
  }

  private void execute(String sql) {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the test schema on " + server, e);
    }
  }
}
