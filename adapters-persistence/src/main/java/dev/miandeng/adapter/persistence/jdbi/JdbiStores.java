package dev.miandeng.adapter.persistence.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariDataSource;
import dev.miandeng.adapter.persistence.crypto.TokenCipher;
import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database and the JDBI ports built on it: the entry point the composition root calls. {@link
 * #open} builds the connection pool and brings the schema up to date (Flyway); each port is then
 * independent of the others, so a root keeps in this database only the ports it chooses to (users
 * here, sessions in Redis, …).
 *
 * <pre>{@code
 * try (JdbiStores db = JdbiStores.open(settings)) {
 *   Users users = db.users();
 *   ...
 * }
 * }</pre>
 */
public final class JdbiStores implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JdbiStores.class);

  /** Where cache reloads run: each blocks on JDBC, so a virtual thread each, not a shared pool. */
  private static final Executor REFRESHES =
      task -> Thread.ofVirtual().name("jdbi-cache-refresh").start(task);

  private final HikariDataSource dataSource;
  private final JdbiUsers users;
  private final JdbiSessions sessions;
  private final JdbiLoginStates loginStates;

  private JdbiStores(
      HikariDataSource dataSource,
      JdbiUsers users,
      JdbiSessions sessions,
      JdbiLoginStates loginStates) {
    this.dataSource = dataSource;
    this.users = users;
    this.sessions = sessions;
    this.loginStates = loginStates;
  }

  /**
   * Opens the database described by {@code settings} and migrates it.
   *
   * @throws StoreUnavailableException when the database cannot be reached
   * @throws PersistenceSetupException when the migrations fail or do not match the code
   */
  public static JdbiStores open(DatabaseSettings settings) {
    return open(settings, new SimpleMeterRegistry());
  }

  /**
   * As {@link #open(DatabaseSettings)}, with the connection pool's meters (HikariCP's {@code
   * hikaricp_*}) and the session cache's ({@link JdbiSessions}) in {@code meters}.
   */
  public static JdbiStores open(DatabaseSettings settings, MeterRegistry meters) {
    return open(settings, Ticker.systemTicker(), REFRESHES, meters);
  }

  /** As {@link #open(DatabaseSettings)}, with the caches' time source and reload executor. */
  static JdbiStores open(DatabaseSettings settings, Ticker cacheTicker, Executor cacheReloads) {
    return open(settings, cacheTicker, cacheReloads, new SimpleMeterRegistry());
  }

  private static JdbiStores open(
      DatabaseSettings settings, Ticker cacheTicker, Executor cacheReloads, MeterRegistry meters) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(meters, "meters");
    HikariDataSource dataSource;
    try {
      dataSource = ConnectionPools.create(settings, meters);
    } catch (RuntimeException e) {
      // Hikari opens a first connection in its constructor: an unreachable server, a refused
      // login or a missing database all end start-up here, as an outage with the driver's reason.
      throw new StoreUnavailableException(
          "the database cannot be reached at start-up (" + rootMessage(e) + ")", e);
    }
    try {
      int applied = Migrations.apply(dataSource);
      LOG.info("database ready: {} ({} migrations applied)", settings, applied);
    } catch (RuntimeException e) {
      dataSource.close();
      if (SqlErrors.isOutage(e)) {
        throw new StoreUnavailableException("the database cannot be reached at start-up", e);
      }
      throw new PersistenceSetupException("the database schema could not be migrated", e);
    }
    Jdbi jdbi = JdbiFactory.create(dataSource);
    SessionRows sessionRows = new SessionRows(jdbi);
    return new JdbiStores(
        dataSource,
        new JdbiUsers(
            jdbi,
            newCache(
                settings,
                cacheTicker,
                cacheReloads,
                id ->
                    JdbiUsers.select(jdbi, id)
                        .map(user -> JdbiUsers.cached(id, user))
                        .orElse(null))),
        new JdbiSessions(
            sessionRows,
            newCache(
                settings,
                cacheTicker,
                cacheReloads,
                key -> sessionRows.find(key.hash()).map(JdbiSessions.Entry::of).orElse(null)),
            meters),
        new JdbiLoginStates(jdbi));
  }

  /** The driver's own words (the first SQL exception's: it names the host, the database). */
  private static String rootMessage(Throwable e) {
    Throwable reason = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      reason = t;
      if (t instanceof SQLException) {
        break;
      }
    }
    return String.valueOf(reason.getMessage());
  }

  /**
   * Bounded, and every entry expires {@code cacheTtl} after it was written (REL-13). An entry read
   * after {@link DatabaseSettings#cacheRefreshAfter()} is reloaded with {@code reload} (null: the
   * row is gone) on {@code reloads} (a virtual thread each) while the read returns the cached copy,
   * so a busy session never waits on the database for its periodic re-read. Caffeine discards a
   * reload whose entry was invalidated or replaced meanwhile, so a delete on this instance is never
   * undone by it; a reload that fails (logged by Caffeine) leaves the entry to expire.
   */
  private static <K, V> Cache<K, V> newCache(
      DatabaseSettings settings, Ticker ticker, Executor reloads, Function<K, V> reload) {
    return Caffeine.newBuilder()
        .maximumSize(settings.cacheMaxEntries())
        .expireAfterWrite(settings.cacheTtl())
        .refreshAfterWrite(settings.cacheRefreshAfter())
        .ticker(ticker)
        // Only the reloads go to `reloads`: Caffeine's own upkeep stays on its default executor,
        // not a new thread per maintenance cycle.
        .build(
            new CacheLoader<K, V>() {
              @Override
              public V load(K key) {
                return reload.apply(key);
              }

              @Override
              public CompletableFuture<V> asyncReload(K key, V oldValue, Executor upkeep) {
                return CompletableFuture.supplyAsync(() -> reload.apply(key), reloads);
              }
            });
  }

  public Users users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public LoginStates loginStates() {
    return loginStates;
  }

  /**
   * The user-token vault on this database, its tokens sealed with {@code keys} (SEC-23). Each call
   * builds a new port on the shared pool; build it once.
   */
  public UserTokens userTokens(TokenKeyRing keys) {
    return new JdbiUserTokens(
        JdbiFactory.create(dataSource), new TokenCipher(keys, new SecureRandom()));
  }

  /**
   * Whether the database answers right now; for a readiness probe (REL-08). Never throws, and
   * returns within the configured connection timeout.
   */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException | RuntimeException e) {
      LOG.debug("database not reachable: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  /** Releases the connections; the ports must not be used afterwards. */
  @Override
  public void close() {
    dataSource.close();
  }
}
