package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** REL-08 against PostgreSQL behind a proxy. */
class DatabaseOutagePostgresIT extends DatabaseOutageScenario {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
