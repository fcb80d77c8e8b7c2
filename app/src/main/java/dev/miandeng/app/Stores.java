package dev.miandeng.app;

import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.persistence.jdbi.JdbiStores;
import dev.miandeng.adapter.persistence.memory.DisabledUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryLoginStates;
import dev.miandeng.adapter.persistence.memory.InMemorySessions;
import dev.miandeng.adapter.persistence.memory.InMemoryUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.adapter.redis.RedisStores;
import dev.miandeng.app.config.PersistenceConfig;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driven storage ports, each built by the adapter its own switch names ({@link
 * PersistenceConfig}). Swapping one port's adapter is one case in one switch below. A connection
 * that several ports share (one database, one Redis) is opened once, on first need, and only when
 * some port uses it.
 *
 * <p>Readiness is the list of what the opened connections report: ready when every one answers
 * (REL-08). The in-memory adapters hold no connection and are always ready.
 */
final class Stores implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

  private final Users users;
  private final UserTokens userTokens;
  private final Sessions sessions;
  private final LoginStates loginStates;
  private final List<Probe> probes;
  private final Deque<AutoCloseable> connections;

  /** One opened connection's readiness check, named for the log. */
  private record Probe(String name, BooleanSupplier reachable) {}

  private Stores(
      Users users,
      UserTokens userTokens,
      Sessions sessions,
      LoginStates loginStates,
      List<Probe> probes,
      Deque<AutoCloseable> connections) {
    this.users = users;
    this.userTokens = userTokens;
    this.sessions = sessions;
    this.loginStates = loginStates;
    this.probes = probes;
    this.connections = connections;
  }

  /**
   * Opens what the configuration selects; closes what it opened if a later part fails.
   *
   * @throws StoreUnavailableException when a selected store cannot be reached; the message names
   *     the variable to check
   */
  static Stores open(PersistenceConfig config, Clock clock, MeterRegistry meters) {
    Connections opened = new Connections(config, clock, meters);
    try {
      Users users =
          switch (config.users()) {
            case MEMORY -> new InMemoryUsers();
            case JDBC -> opened.database().users();
          };
      Sessions sessions =
          switch (config.sessions()) {
            case MEMORY -> new InMemorySessions();
            case JDBC -> opened.database().sessions();
            case REDIS -> opened.redis().sessions();
          };
      LoginStates loginStates =
          switch (config.loginStates()) {
            case MEMORY -> new InMemoryLoginStates();
            case JDBC -> opened.database().loginStates();
            case REDIS -> opened.redis().loginStates();
          };
      UserTokens userTokens =
          switch (config.userTokens().adapter()) {
            case OFF -> new DisabledUserTokens();
            case MEMORY -> new InMemoryUserTokens();
            case JDBC -> opened.database().userTokens(config.userTokens().keys().orElseThrow());
          };
      return new Stores(users, userTokens, sessions, loginStates, opened.probes, opened.closeables);
    } catch (RuntimeException e) {
      opened.closeables.forEach(Stores::closeQuietly);
      throw e;
    }
  }

  /** The token vault: {@code MIANDENG_USER_TOKENS_STORE}, off without a token key. */
  UserTokens userTokens() {
    return userTokens;
  }

  Users users() {
    return users;
  }

  Sessions sessions() {
    return sessions;
  }

  LoginStates loginStates() {
    return loginStates;
  }

  /** Ready when every opened connection answers; logs the ones that do not. Never throws. */
  boolean isReady() {
    boolean ready = true;
    for (Probe probe : probes) {
      if (!probe.reachable().getAsBoolean()) {
        LOG.warn("not ready: {} does not answer", probe.name());
        ready = false;
      }
    }
    return ready;
  }

  @Override
  public void close() {
    while (!connections.isEmpty()) {
      closeQuietly(connections.pop());
    }
  }

  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      LOG.warn("could not close {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
    }
  }

  /** The shared connections, each opened on first use. */
  private static final class Connections {

    private final PersistenceConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<Probe> probes = new ArrayList<>();
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private JdbiStores database;
    private RedisStores redis;

    Connections(PersistenceConfig config, Clock clock, MeterRegistry meters) {
      this.config = config;
      this.clock = clock;
      this.meters = meters;
    }

    JdbiStores database() {
      if (database == null) {
        DatabaseSettings settings = config.database().orElseThrow();
        database =
            open(
                () -> JdbiStores.open(settings, meters),
                // The zero-setup H2 file lives in the data directory: a folder that cannot be
                // written is the likely cause, not a database URL nobody set.
                settings.jdbcUrl().startsWith(DatabaseSettings.H2_FILE_URL_PREFIX)
                    ? "MIANDENG_DATA_DIR (the embedded database's folder, which must be writable)"
                        + " or MIANDENG_DB_URL"
                    : "MIANDENG_DB_URL (and MIANDENG_DB_USER, MIANDENG_DB_PASSWORD)");
        probes.add(new Probe("the database", database::isReachable));
      }
      return database;
    }

    RedisStores redis() {
      if (redis == null) {
        redis =
            open(
                () -> RedisStores.open(config.redis().orElseThrow(), clock),
                "MIANDENG_REDIS_URL (and MIANDENG_REDIS_PASSWORD)");
        probes.add(new Probe("Redis", redis::isReachable));
      }
      return redis;
    }

    /** Opens a store, to be closed with the others; a start-up failure names what to check. */
    private <T extends AutoCloseable> T open(Supplier<T> opener, String settings) {
      try {
        T store = opener.get();
        closeables.push(store);
        return store;
      } catch (StoreUnavailableException e) {
        throw new StoreUnavailableException(e.getMessage() + "; check " + settings, e);
      }
    }
  }
}
