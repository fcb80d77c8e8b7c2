package dev.miandeng.application.token;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.domain.fixtures.OutsideService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * SEC-24 and REL-06 with two pools on one PostgreSQL, given by {@value #URL_ENV} (skipped loudly
 * without it, failing under {@code CI=true}), in a schema of its own dropped afterwards.
 */
class SharedVaultRefreshPostgresIT extends SharedVaultRefreshScenario {

  private static final String URL_ENV = "MIANDENG_TEST_POSTGRES_URL";

  private final String schema = "miandeng_vault_" + UUID.randomUUID().toString().replace("-", "");
  private String server;

  @Override
  protected DatabaseSettings freshDatabase() {
    server = System.getenv(URL_ENV);
    if (server == null || server.isBlank()) {
      return OutsideService.missing("PostgreSQL", "NO POSTGRESQL: set " + URL_ENV + ".");
    }
    // An identifier cannot be a bound parameter; this one is ours, [a-z0-9_] only.
    execute("create schema " + schema);
    return DatabaseSettings.of(
        server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, "", "");
  }

  @Override
  protected void dropDatabase() {
    if (server != null && !server.isBlank()) {
      execute("drop schema if exists " + schema + " cascade");
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(server);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the test schema", e);
    }
  }
}
