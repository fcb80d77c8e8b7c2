package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** REL-13 with two independently built stores on one PostgreSQL. */
class SharedDatabasePostgresIT extends SharedDatabaseScenario {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
