package dev.miandeng.app.config;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import java.util.Objects;

/** Which store keeps users, sessions and pending logins ({@code MIANDENG_PERSISTENCE}). */
public sealed interface PersistenceConfig {

  /** In memory: forgets everything on restart; one instance only. */
  record InMemory() implements PersistenceConfig {
    @Override
    public String toString() {
      return "memory (forgotten on restart)";
    }
  }

  /** JDBI over H2 (embedded file, the default) or PostgreSQL. */
  record Database(DatabaseSettings settings) implements PersistenceConfig {
    public Database {
      Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String toString() {
      return "jdbc " + settings;
    }
  }
}
