package dev.miandeng.adapter.redis;

import dev.miandeng.domain.store.StoreUnavailableException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Keeps Jedis behind the ports. An error reply that retrying cannot fix (a script error, a key of
 * the wrong type: the code and the data disagree) is a {@link RedisMisuseException}; everything
 * else — connection refused or cut, timeout, pool exhausted, {@code BUSY}, {@code NOAUTH} — is an
 * outage the caller answers with a 503: a {@link StoreUnavailableException}.
 *
 * <p>A broken connection is dropped by the pool; on one, the idle connections are dropped too,
 * since they most likely broke in the same outage: once Redis is back, calls get fresh connections
 * instead of failing once per stale one (REL-08).
 *
 * <p>No message or log line carries a key: keys hold token hashes and user ids.
 */
final class RedisErrors {

  private static final Logger LOG = LoggerFactory.getLogger(RedisErrors.class);

  private final Runnable dropIdleConnections;

  RedisErrors(Runnable dropIdleConnections) {
    this.dropIdleConnections = dropIdleConnections;
  }

  /** Runs one store operation, translating whatever Jedis throws. */
  <T> T guard(String operation, Supplier<T> work) {
    try {
      return work.get();
    } catch (JedisException e) {
      if (e instanceof JedisConnectionException) {
        dropIdleConnections.run();
      }
      throw translate(operation, e);
    }
  }

  private static RuntimeException translate(String operation, JedisException e) {
    if (isMisuse(e)) {
      LOG.error("Redis refused to {} ({}): a bug or foreign data under our prefix", operation, e);
      return new RedisMisuseException("Redis refused to " + operation, e);
    }
    LOG.warn("Redis unavailable, could not {} ({})", operation, e.getClass().getSimpleName());
    return new StoreUnavailableException("Redis is unavailable: could not " + operation, e);
  }

  private static boolean isMisuse(JedisException e) {
    return e instanceof JedisDataException
        && !(e instanceof JedisBusyException)
        && !(e instanceof JedisAccessControlException);
  }
}
