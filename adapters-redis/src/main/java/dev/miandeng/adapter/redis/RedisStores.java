package dev.miandeng.adapter.redis;

import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * One pooled connection to Redis and the ports built on it: the entry point the composition root
 * calls. Build only the ports you keep in Redis; each is independent of the others.
 *
 * <pre>{@code
 * RedisStores redis = RedisStores.open(settings, Clock.systemUTC());
 * Sessions sessions = redis.sessions();
 * LoginStates loginStates = redis.loginStates();
 * boolean ready = redis.isReachable(); // readiness probe (REL-08)
 * redis.close();                       // at shutdown
 * }</pre>
 *
 * <p>Jedis hands out pooled connections; one broken by an outage is discarded and the next call
 * opens a fresh one, so service resumes without a restart when Redis is back (REL-08).
 */
public final class RedisStores implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisStores.class);

  private final RedisClient client;
  private final RedisErrors errors;
  private final RedisKeys keys;
  private final Clock clock;

  private RedisStores(RedisClient client, RedisKeys keys, Clock clock) {
    this.client = client;
    this.errors = new RedisErrors(() -> client.getPool().clear());
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * Connects and checks that Redis answers.
   *
   * @param clock the core's clock: TTLs (until a session's keep-until, a login's expiry) are
   *     counted from it
   * @throws StoreUnavailableException when Redis does not answer {@code PING} within the timeout,
   *     or refuses the credentials (the message says which; it never holds the password)
   */
  public static RedisStores open(RedisSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    RedisClient client = connect(settings);
    try {
      client.ping();
    } catch (JedisAccessControlException e) {
      client.close();
      throw new StoreUnavailableException(
          "Redis at "
              + settings.safeUrl()
              + " refused our credentials at start-up (NOAUTH/WRONGPASS)",
          e);
    } catch (JedisException e) {
      client.close();
      throw new StoreUnavailableException(
          "Redis at " + settings.safeUrl() + " cannot be reached at start-up", e);
    }
    LOG.info("Redis ready: {}", settings);
    return new RedisStores(client, new RedisKeys(settings.keyPrefix()), clock);
  }

  private static RedisClient connect(RedisSettings settings) {
    int timeout = Math.toIntExact(settings.timeout().toMillis());
    String password =
        settings.password().isEmpty()
            ? JedisURIHelper.getPassword(settings.url())
            : settings.password();
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .database(settings.database())
            .ssl(settings.isTls())
            .clientName("miandeng");
    if (password != null && !password.isEmpty()) {
      config.user(JedisURIHelper.getUser(settings.url())).password(password);
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    // A call waits this long for a pooled connection, then fails as an outage (REL-08).
    pool.setMaxWait(settings.timeout());
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(settings.url().getHost(), port(settings)))
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
  }

  private static int port(RedisSettings settings) {
    return settings.url().getPort() == -1 ? 6379 : settings.url().getPort();
  }

  public Sessions sessions() {
    return new RedisSessions(client, errors, keys, clock);
  }

  public LoginStates loginStates() {
    return new RedisLoginStates(client, errors, keys, clock);
  }

  /**
   * Whether Redis answers {@code PING} right now; for a readiness probe (REL-08). Never throws, and
   * returns within the configured timeout.
   */
  public boolean isReachable() {
    try {
      return "PONG".equals(client.ping());
    } catch (JedisException e) {
      LOG.debug("Redis not reachable: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
