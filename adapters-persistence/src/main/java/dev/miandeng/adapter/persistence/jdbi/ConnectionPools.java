package dev.miandeng.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * Builds the HikariCP pool from {@link DatabaseSettings}, tuned to fail fast and heal by itself.
 */
final class ConnectionPools {

  /** PostgreSQL: a statement whose socket stays silent this long fails instead of hanging. */
  private static final int POSTGRES_SOCKET_TIMEOUT_SECONDS = 10;

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

  private ConnectionPools() {}

  static HikariDataSource create(DatabaseSettings settings) {
    return create(settings, new SimpleMeterRegistry());
  }

  /**
   * As above, with the pool's own meters ({@code hikaricp_*}, tag {@code pool}) in {@code meters}.
   */
  static HikariDataSource create(DatabaseSettings settings, MeterRegistry meters) {
    HikariConfig config = new HikariConfig();
    config.setMetricRegistry(meters);
    config.setPoolName("miandeng-db");
    config.setJdbcUrl(settings.jdbcUrl());
    if (!settings.user().isEmpty()) {
      config.setUsername(settings.user());
    }
    if (!settings.password().isEmpty()) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.poolSize());
    // A call waits at most this long for a connection, then fails with StoreUnavailable (REL-08).
    // Hikari drops broken connections and opens new ones, so service resumes without a restart.
    long timeout = settings.connectionTimeout().toMillis();
    config.setConnectionTimeout(timeout);
    config.setExceptionOverride(new EvictBrokenConnections());
    config.setValidationTimeout(Math.max(250, Math.min(1000, timeout / 2)));
    // At start-up the first connection may be slow (a cold JVM, an embedded database opening its
    // files): wait for it longer than a request would, then fail start-up as an outage.
    config.setInitializationFailTimeout(
        Math.max(STARTUP_TIMEOUT.toMillis(), settings.connectionTimeout().toMillis()));
    if (settings.isPostgres()) {
      // Values in the URL win over these defaults.
      long connectSeconds = Math.max(1, Duration.ofMillis(timeout).toSeconds());
      config.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
      config.addDataSourceProperty(
          "socketTimeout", String.valueOf(POSTGRES_SOCKET_TIMEOUT_SECONDS));
      config.addDataSourceProperty("tcpKeepAlive", "true");
    }
    return new HikariDataSource(config);
  }
}
