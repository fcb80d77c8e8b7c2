package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The token vault's contract on JDBI over PostgreSQL. */
class JdbiUserTokensPostgresIT extends JdbiUserTokensScenario {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
