package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The token vault's contract on JDBI over H2. */
class JdbiUserTokensH2Test extends JdbiUserTokensScenario {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
