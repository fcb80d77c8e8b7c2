package dev.miandeng.adapter.redis;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
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
 * request (REL-13, SEC-09, SEC-10).
 *
 * <p>Layout ({@link RedisKeys}): one hash per session, keyed by the token hash only (SEC-12), with
 * fields {@code user}, {@code created}, {@code seen}, {@code expires} (epoch microseconds, {@link
 * Micros}); and per user a set of that user's session keys, for "log out everywhere".
 *
 * <p>Expiry: every session key carries a Redis TTL that ends when the session ends under the policy
 * — at {@code min(expires, seen + idle timeout)} (SEC-07, SEC-08) — and each "last seen" write
 * moves it. Redis therefore drops ended sessions by itself; {@link #deleteExpired} is a sweep for
 * what a changed policy or a stopped clock left behind. TTLs are counted from the injected clock,
 * the one the core checks expiry with, never from Redis's own.
 *
 * <p>Every write that touches more than one key is one Lua script, which Redis runs atomically: a
 * delete, "log out everywhere" and the sweep cannot interleave with a save or a touch. The scripts
 * build key names from values (a user's set from the {@code user} field), so this adapter needs a
 * single Redis (standalone or behind Sentinel), not Redis Cluster.
 */
public final class RedisSessions implements Sessions {

  /** KEYS: session, user set. ARGV: user, created, seen, expires, session TTL ms, set TTL ms. */
  private static final String SAVE =
      """
      redis.call('HSET', KEYS[1], 'user', ARGV[1], 'created', ARGV[2], 'seen', ARGV[3], \
      'expires', ARGV[4])
      redis.call('PEXPIRE', KEYS[1], ARGV[5])
      redis.call('SADD', KEYS[2], KEYS[1])
      if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[6]) then
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
      end
      return 1
      """;

  /**
   * KEYS: session. ARGV: seen, now, idle timeout (µs). Moves "last seen" forward only, and the TTL
   * with it; a session that is over by then is deleted.
   */
  private static final String TOUCH =
      """
      local stored = redis.call('HMGET', KEYS[1], 'seen', 'expires')
      if not stored[1] then return 0 end
      local seen = tonumber(ARGV[1])
      if seen <= tonumber(stored[1]) then return 0 end
      local deadline = math.min(tonumber(stored[2]), seen + tonumber(ARGV[3]))
      local ttl = math.ceil((deadline - tonumber(ARGV[2])) / 1000)
      if ttl <= 0 then
        redis.call('DEL', KEYS[1])
        return 0
      end
      redis.call('HSET', KEYS[1], 'seen', ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ttl)
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

  /** KEYS: sessions. ARGV: now, idle timeout (µs), the user-set key prefix. */
  private static final String SWEEP =
      """
      local now = tonumber(ARGV[1])
      local deleted = 0
      for _, key in ipairs(KEYS) do
        local s = redis.call('HMGET', key, 'user', 'seen', 'expires')
        if s[1] and (now >= tonumber(s[3]) or now >= tonumber(s[2]) + tonumber(ARGV[2])) then
          redis.call('SREM', ARGV[3] .. s[1], key)
          deleted = deleted + redis.call('DEL', key)
        end
      end
      return deleted
      """;

  private final UnifiedJedis redis;
  private final RedisErrors errors;
  private final RedisKeys keys;
  private final SessionPolicy policy;
  private final Clock clock;

  RedisSessions(
      UnifiedJedis redis, RedisErrors errors, RedisKeys keys, SessionPolicy policy, Clock clock) {
    this.redis = redis;
    this.errors = errors;
    this.keys = keys;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void save(Session session) {
    Instant now = clock.instant();
    long ttl = Micros.millisUntil(now, deadlineOf(session));
    if (ttl == 0) {
      return; // Already over: nothing a later find may return.
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
  public void touch(SessionTokenHash id, Instant lastSeenAt) {
    errors.guard(
        "touch a session",
        () ->
            redis.eval(
                TOUCH,
                List.of(keys.session(id)),
                List.of(
                    String.valueOf(Micros.of(lastSeenAt)),
                    String.valueOf(Micros.of(clock.instant())),
                    String.valueOf(Micros.of(policy.idleTimeout())))));
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
  public int deleteExpired(Instant now, SessionPolicy sweepPolicy) {
    return KeyScan.sweep(
        redis,
        errors,
        "sweep expired sessions",
        keys.allSessions(),
        SWEEP,
        List.of(
            String.valueOf(Micros.of(now)),
            String.valueOf(Micros.of(sweepPolicy.idleTimeout())),
            keys.userSessionsPrefix()));
  }

  /** When the session ends under the configured policy: where its key's TTL points. */
  private Instant deadlineOf(Session session) {
    Instant idleEnd = session.lastSeenAt().plus(policy.idleTimeout());
    return idleEnd.isBefore(session.expiresAt()) ? idleEnd : session.expiresAt();
  }
}
