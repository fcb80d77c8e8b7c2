package dev.miandeng.application.token;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import java.util.UUID;

/** SEC-24 and REL-06 with two pools on one in-memory H2 database. */
class SharedVaultRefreshH2Test extends SharedVaultRefreshScenario {

  @Override
  protected DatabaseSettings freshDatabase() {
    // Without DB_CLOSE_DELAY the database lives while a pool holds a connection, and then is gone.
    return DatabaseSettings.of(
        "jdbc:h2:mem:vault-" + UUID.randomUUID() + DatabaseSettings.H2_PORTABLE_MODE, "", "");
  }

  @Override
  protected void dropDatabase() {
    // Gone with the last connection.
  }
}
