package dev.miandeng.adapter.persistence.jdbi;

import org.junit.jupiter.api.extension.RegisterExtension;

/** REL-08 against an H2 TCP server behind a proxy. */
class DatabaseOutageH2Test extends DatabaseOutageScenario {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.overTcp();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }
}
