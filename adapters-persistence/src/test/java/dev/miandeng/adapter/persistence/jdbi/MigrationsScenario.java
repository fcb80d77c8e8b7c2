package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REL-11 on one engine. */
abstract class MigrationsScenario {

  protected abstract TestDatabase database();

  static SchemaSnapshot migratedSchema(TestDatabase database) throws Exception {
    try (HikariDataSource pool = ConnectionPools.create(database.freshDatabase())) {
      Migrations.apply(pool);
      try (Connection c = pool.getConnection()) {
        return SchemaSnapshot.of(c);
      }
    }
  }

  @Test
  @DisplayName("REL-11 the migrations apply, and a second run in a row changes nothing")
  void aSecondRunChangesNothing() throws Exception {
    try (HikariDataSource pool = ConnectionPools.create(database().freshDatabase())) {
      assertThat(Migrations.apply(pool)).isPositive();
      SchemaSnapshot first;
      try (Connection c = pool.getConnection()) {
        first = SchemaSnapshot.of(c);
      }

      assertThat(Migrations.apply(pool)).isZero();

      try (Connection c = pool.getConnection()) {
        assertThat(SchemaSnapshot.of(c)).isEqualTo(first);
      }
      assertThat(first.columns()).isNotEmpty();
    }
  }

  @Test
  @DisplayName(
      "SEC-10 SEC-12 sessions are keyed by a 64-char hash; the sweep and log-out-everywhere are"
          + " indexed")
  void sessionsAreKeyedByHashAndIndexedForTheSweep() throws Exception {
    SchemaSnapshot schema = migratedSchema(database());

    assertThat(schema.columns()).contains("sessions id_hash character 64 no");
    assertThat(schema.indexes())
        .contains(
            "sessions(id_hash) unique",
            "sessions(expires_at) non-unique",
            "sessions(last_seen_at) non-unique",
            "sessions(user_id) non-unique",
            "users(tenant_key, open_id) unique",
            "login_states(expires_at) non-unique");
  }
}
