package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REL-11 on one engine. */
abstract class MigrationsScenario {

  private static final UUID USER = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-01-05T09:00:00Z");
  private static final OffsetDateTime END = T0.plusHours(12);

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
        .doesNotContain("sessions(expires_at) non-unique", "sessions(last_seen_at) non-unique");
    assertThat(schema.indexes())
        .contains(
            "sessions(id_hash) unique",
            "sessions(keep_until) non-unique",
            "sessions(user_id) non-unique",
            "users(tenant_key, open_id) unique",
            "login_states(expires_at) non-unique");
  }

  @Test
  @DisplayName("REL-11 a session stored before keep_until existed is kept until its absolute end")
  void sessionsFromBeforeKeepUntilAreKeptUntilTheirEnd() throws Exception {
    try (HikariDataSource pool = ConnectionPools.create(database().freshDatabase())) {
      Flyway.configure()
          .dataSource(pool)
          .locations(Migrations.LOCATION)
          .target(MigrationVersion.fromVersion("1"))
          .load()
          .migrate();
      try (Connection c = pool.getConnection();
          PreparedStatement user =
              c.prepareStatement(
                  "insert into users (id, tenant_key, open_id, union_id, name, english_name,"
                      + " avatar_url, first_login_at, last_login_at)"
                      + " values (?, 't', 'ou', 'on', 'n', 'n', '', ?, ?)");
          PreparedStatement session =
              c.prepareStatement(
                  "insert into sessions (id_hash, user_id, created_at, last_seen_at, expires_at)"
                      + " values (?, ?, ?, ?, ?)")) {
        user.setObject(1, USER);
        user.setObject(2, T0);
        user.setObject(3, T0);
        user.executeUpdate();
        session.setString(1, "a".repeat(64));
        session.setObject(2, USER);
        session.setObject(3, T0);
        session.setObject(4, T0);
        session.setObject(5, END);
        session.executeUpdate();
      }

      assertThat(Migrations.apply(pool)).isPositive();

      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select keep_until from sessions")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(END.toInstant());
      }
    }
  }
}
