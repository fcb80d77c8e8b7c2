package dev.miandeng.application.token;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.persistence.jdbi.PostgresTestSchema;

/**
 * SEC-24 and REL-06 with two pools on one PostgreSQL, given by {@value PostgresTestSchema#URL_ENV}
 * (skipped loudly without it, failing under {@code CI=true}), in a schema of its own dropped
 * afterwards.
 */
class SharedVaultRefreshPostgresIT extends SharedVaultRefreshScenario {

  private PostgresTestSchema schema;

  @Override
  protected DatabaseSettings freshDatabase() {
    schema = PostgresTestSchema.on(PostgresTestSchema.serverFromEnvironment());
    return schema.settings();
  }

  @Override
  protected void dropDatabase() {
    if (schema != null) {
      schema.close();
    }
  }
}
