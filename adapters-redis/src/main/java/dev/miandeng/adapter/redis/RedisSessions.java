package dev.miandeng.adapter.redis;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link Sessions} in Redis, shared by every instance and read without a per-instance cache, so a
 * logout or "log out everywhere" on one instance is refused by all of them on their very next
 * request (REL-13, SEC-09, SEC-10); {@link #findFresh} therefore answers as {@link #find}.
 *
 * <p>Layout ({@link RedisKeys}): one hash per session, keyed by the token hash only (SEC-12), with
 * fields {@code user}, {@code created}, {@code seen}, {@code expires} and {@code keep} (the
 * keep-until the core gave; epoch microseconds, {@link Micros}); and per user a set of that user's
 * session keys, for "log out everywhere".
 *
 * <p>Expiry: every session key carries a Redis TTL that ends at its keep-until, moved by each "last
 * seen" write. Redis therefore drops ended sessions by itself, and this class holds no policy: the
 * core computes the keep-until ({@code Session.keepUntil}). {@link #deleteExpired} is a sweep for
 * what a stopped clock left behind. TTLs are counted from the injected clock, the one the core
 * judges sessions with, never from Redis's own.
 *
 * <p>Every write that touches more than one key is one Lua script, which Redis runs atomically: a
 * delete, "log out everywhere" and the sweep cannot interleave with a save or a touch. The scripts
 * build key names from values (a user's set from the {@code user} field), so this adapter needs a
 * single Redis (standalone or behind Sentinel), not Redis Cluster.
 */
public final class RedisSessions implements Sessions {

  /**
   * KEYS: session, user set. ARGV: user, created, seen, expires, keep, session TTL ms, set TTL ms.
   */
  private static final String SAVE =
      """
      redis.call('HSET', KEYS[1], 'user', ARGV[1], 'created', ARGV[2], 'seen', ARGV[3], \
      'expires', ARGV[4], 'keep', ARGV[5])
      redis.call('PEXPIRE', KEYS[1], ARGV[6])
      redis.call('SADD', KEYS[2], KEYS[1])
      if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[7]) then
        redis.call('PEXPIRE', KEYS[2], ARGV[7])
      end
      return 1
      """;

  /**
   * KEYS: session. ARGV: seen, keep (µs), TTL ms. Moves "last seen" and the keep-until forward
   * only, and the TTL with them; a session whose new keep-until has passed is deleted.
   */
  private static final String TOUCH =
      """
      local stored = redis.call('HGET', KEYS[1], 'seen')
      if not stored then return 0 end
      if tonumber(ARGV[1]) <= tonumber(stored) then return 0 end
      if tonumber(ARGV[3]) <= 0 then
        redis.call('DEL', KEYS[1])
        return 0
      end
      redis.call('HSET', KEYS[1], 'seen', ARGV[1], 'keep', ARGV[2])
      redis.call('PEXPIRE', KEYS[1], ARGV[3])
      return 1
      """;

  /** KEYS: session. ARGV: the user-set key prefix. */
  private static final String DELETE =
      """
      local user = redis.call('HGET', KEYS[1], 'user')
      if user then redis.call('SREM', ARGV[1] .. user, KEYS[1]) end
      return redis.call('DEL', KEYS[1])
      """;

  /** KEYS: user set. Deletes every session in it and the set, in one step (SEC-10). */
  private static final String DELETE_ALL_OF =
      """
      local deleted = 0
      for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        deleted = deleted + redis.call('DEL', key)
      end
      redis.call('DEL', KEYS[1])
      return deleted
      """;

  /**
   * KEYS: sessions. ARGV: now (µs), the user-set key prefix. Deletes those whose keep-until is at
   * or before now; a session saved before keep-until was stored is kept until its absolute end.
   */
  private static final String SWEEP =
      """
      local now = tonumber(ARGV[1])
      local deleted = 0
      for _, key in ipairs(KEYS) do
        local s = redis.call('HMGET', key, 'user', 'keep', 'expires')
        if s[1] and now >= tonumber(s[2] or s[3]) then
          redis.call('SREM', ARGV[2] .. s[1], key)
          deleted = deleted + redis.call('DEL', key)
        end
      end
      return deleted
      """;

  private final UnifiedJedis redis;
  private final RedisErrors errors;
  private final RedisKeys keys;
  private final Clock clock;

  RedisSessions(UnifiedJedis redis, RedisErrors errors, RedisKeys keys, Clock clock) {
    this.redis = redis;
    this.errors = errors;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public void save(Session session, Instant keepUntil) {
    Instant now = clock.instant();
    long ttl = Micros.millisUntil(now, keepUntil);
    if (ttl == 0) {
      return; // Past its keep-until already: the store may drop it, so it is not stored.
    }
    long setTtl = Math.max(ttl, Micros.millisUntil(now, session.expiresAt()));
    errors.guard(
        "save a session",
        () ->
            redis.eval(
                SAVE,
                List.of(keys.session(session.id()), keys.userSessions(session.userId())),
                List.of(
                    session.userId().value().toString(),
                    String.valueOf(Micros.of(session.createdAt())),
                    String.valueOf(Micros.of(session.lastSeenAt())),
                    String.valueOf(Micros.of(session.expiresAt())),
                    String.valueOf(Micros.of(keepUntil)),
                    String.valueOf(ttl),
                    String.valueOf(setTtl))));
  }

  @Override
  public Optional<Session> find(SessionTokenHash id) {
    Map<String, String> fields =
        errors.guard("find a session", () -> redis.hgetAll(keys.session(id)));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Session(
            id,
            new UserId(UUID.fromString(fields.get("user"))),
            Micros.instant(fields.get("created")),
            Micros.instant(fields.get("seen")),
            Micros.instant(fields.get("expires"))));
  }

  @Override
  public Optional<Session> findFresh(SessionTokenHash id) {
    return find(id);
  }

  @Override
  public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
    long ttl = Micros.millisUntil(clock.instant(), keepUntil);
    errors.guard(
        "touch a session",
        () ->
            redis.eval(
                TOUCH,
                List.of(keys.session(id)),
                List.of(
                    String.valueOf(Micros.of(lastSeenAt)),
                    String.valueOf(Micros.of(keepUntil)),
                    String.valueOf(ttl))));
  }

  @Override
  public void delete(SessionTokenHash id) {
    errors.guard(
        "delete a session",
        () -> redis.eval(DELETE, List.of(keys.session(id)), List.of(keys.userSessionsPrefix())));
  }

  @Override
  public int deleteAllOf(UserId userId) {
    Object deleted =
        errors.guard(
            "delete a user's sessions",
            () -> redis.eval(DELETE_ALL_OF, List.of(keys.userSessions(userId)), List.of()));
    return ((Long) deleted).intValue();
  }

  @Override
  public int deleteExpired(Instant now) {
    return KeyScan.sweep(
        redis,
        errors,
        "sweep expired sessions",
        keys.allSessions(),
        SWEEP,
        List.of(String.valueOf(Micros.of(now)), keys.userSessionsPrefix()));
  }
}
