package dev.miandeng.adapter.persistence.jdbi;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the SQL files under {@code db/migration} on the classpath. The
 * same files run on H2 and PostgreSQL (REL-11); Flyway's history table makes a second run a no-op,
 * and its lock lets several instances start at once against one PostgreSQL.
 */
final class Migrations {

  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies what is pending; returns how many migrations ran. */
  static int apply(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .failOnMissingLocations(true)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
