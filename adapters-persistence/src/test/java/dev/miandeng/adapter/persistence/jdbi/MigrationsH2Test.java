package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsH2Test extends MigrationsScenario {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
