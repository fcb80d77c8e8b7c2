package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsPostgresIT extends MigrationsScenario {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();
  @RegisterExtension static final TestDatabase H2 = H2TestDatabase.inMemory();

  @Override
  protected TestDatabase database() {
    return DATABASE;
  }

  @Test
  @DisplayName(
      "REL-11 the same migrations give the same tables, columns, keys and indexes on both engines")
  void bothEnginesEndUpWithTheSameSchema() throws Exception {
    SchemaSnapshot postgres = migratedSchema(DATABASE);
    SchemaSnapshot h2 = migratedSchema(H2);

    assertThat(postgres.constraints())
        .contains("sessions sessions_user_fk foreign key", "users users_account_key unique");
    assertThat(postgres.columns()).containsExactlyElementsOf(h2.columns());
    assertThat(postgres.constraints()).containsExactlyElementsOf(h2.constraints());
    assertThat(postgres.indexes()).containsExactlyElementsOf(h2.indexes());
  }
}
