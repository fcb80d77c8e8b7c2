package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** REL-13 with two pools on one in-memory H2 database. */
class SharedDatabaseH2Test extends SharedDatabaseScenario {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
