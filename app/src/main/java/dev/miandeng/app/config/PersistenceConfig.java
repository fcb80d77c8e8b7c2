package dev.miandeng.app.config;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.redis.RedisSettings;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where each driven storage port keeps its data, one switch per port: {@code MIANDENG_PERSISTENCE}
 * (users), {@code MIANDENG_SESSIONS}, {@code MIANDENG_LOGIN_STATES} (both default to the users'
 * choice, so a configuration that names only {@code MIANDENG_PERSISTENCE} keeps working). The
 * connection settings of a store are present exactly when some port uses it. The token vault has
 * its own switch and key ({@link TokenVaultConfig}); in the database it keeps each grant beside the
 * user it belongs to, so it needs the users there too.
 *
 * @param database the database, when some port is {@code jdbc}
 * @param redis Redis, when some port is {@code redis}
 */
public record PersistenceConfig(
    UsersStore users,
    SessionsStore sessions,
    LoginStatesStore loginStates,
    TokenVaultConfig userTokens,
    Optional<DatabaseSettings> database,
    Optional<RedisSettings> redis) {

  /** Where users live ({@code MIANDENG_PERSISTENCE}). */
  public enum UsersStore {
    /** Forgotten on restart; one instance only. */
    MEMORY,
    /** JDBI over H2 (embedded file, the default) or PostgreSQL. */
    JDBC
  }

  /** Where sessions live ({@code MIANDENG_SESSIONS}). */
  public enum SessionsStore {
    MEMORY,
    JDBC,
    /** Shared by every instance; no per-instance cache, so a logout reaches all of them at once. */
    REDIS
  }

  /** Where pending logins live ({@code MIANDENG_LOGIN_STATES}). */
  public enum LoginStatesStore {
    MEMORY,
    JDBC,
    REDIS
  }

  /** Where OAuth grants live ({@code MIANDENG_USER_TOKENS_STORE}). */
  public enum UserTokensStore {
    /** Forgotten on restart; one instance only; nothing at rest, so no key needed. */
    MEMORY,
    /** The {@code user_tokens} table beside the users, sealed with the token key. */
    JDBC
  }

  public PersistenceConfig {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(loginStates, "loginStates");
    Objects.requireNonNull(userTokens, "userTokens");
    if (userTokens.store() == UserTokensStore.JDBC && users != UsersStore.JDBC) {
      throw new IllegalArgumentException(
          "jdbc keeps each grant beside the user it belongs to (a foreign key), so it needs the"
              + " users in the database too (MIANDENG_PERSISTENCE=jdbc); with users in memory use"
              + " memory");
    }
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(redis, "redis");
    if (database.isPresent() != usesDatabase(users, sessions, loginStates)) {
      throw new IllegalArgumentException("database settings go with a jdbc store, and only then");
    }
    if (redis.isPresent() != usesRedis(sessions, loginStates)) {
      throw new IllegalArgumentException("Redis settings go with a redis store, and only then");
    }
  }

  /**
   * The choices, with the settings of each store read only when some port uses it (so a setting of
   * an unused store stays unread, and a flag naming it is refused as unused).
   */
  public static PersistenceConfig of(
      UsersStore users,
      SessionsStore sessions,
      LoginStatesStore loginStates,
      TokenVaultConfig userTokens,
      Supplier<DatabaseSettings> database,
      Supplier<RedisSettings> redis) {
    return new PersistenceConfig(
        users,
        sessions,
        loginStates,
        userTokens,
        usesDatabase(users, sessions, loginStates) ? Optional.of(database.get()) : Optional.empty(),
        usesRedis(sessions, loginStates) ? Optional.of(redis.get()) : Optional.empty());
  }

  private static boolean usesDatabase(
      UsersStore users, SessionsStore sessions, LoginStatesStore loginStates) {
    return users == UsersStore.JDBC
        || sessions == SessionsStore.JDBC
        || loginStates == LoginStatesStore.JDBC;
  }

  private static boolean usesRedis(SessionsStore sessions, LoginStatesStore loginStates) {
    return sessions == SessionsStore.REDIS || loginStates == LoginStatesStore.REDIS;
  }

  @Override
  public String toString() {
    return ("users " + users + ", sessions " + sessions + ", login states " + loginStates)
            .toLowerCase(Locale.ROOT)
        + database.map(d -> "; " + d).orElse("")
        + redis.map(r -> "; " + r).orElse("");
  }
}
