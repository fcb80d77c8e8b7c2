package dev.miandeng.adapter.redis;

import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link LoginStates} in Redis: one string per pending login under the SHA-256 of its state, so a
 * login started on one instance finishes on any other.
 *
 * <p>Consumption is {@code GETDEL} (Redis 6.2+): one atomic command, so of any number of concurrent
 * consumers of one state exactly one gets it, on one instance or across many (SEC-17). The key's
 * TTL ends when the login does (at most 10 minutes, SEC-17), counted from the injected clock; an
 * expired state that is still found is consumed all the same and refused.
 *
 * <p>Value: {@code <expires µs>|<PKCE verifier or empty>|<return path>}. The verifier is base64url
 * and the expiry digits, so only the return path, which comes last, may hold a {@code |}.
 */
public final class RedisLoginStates implements LoginStates {

  /** KEYS: login keys. ARGV: now (µs). Deletes those whose expiry has passed. */
  private static final String SWEEP =
      """
      local deleted = 0
      for _, key in ipairs(KEYS) do
        local value = redis.call('GET', key)
        if value then
          local expires = tonumber(string.match(value, '^(%d+)|'))
          if expires and expires <= tonumber(ARGV[1]) then
            deleted = deleted + redis.call('DEL', key)
          end
        end
      end
      return deleted
      """;

  private final UnifiedJedis redis;
  private final RedisErrors errors;
  private final RedisKeys keys;
  private final Clock clock;

  RedisLoginStates(UnifiedJedis redis, RedisErrors errors, RedisKeys keys, Clock clock) {
    this.redis = redis;
    this.errors = errors;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public void save(PendingLogin login) {
    long ttl = Micros.millisUntil(clock.instant(), login.expiresAt());
    if (ttl == 0) {
      return; // Already over: a consume would refuse it anyway.
    }
    String value =
        Micros.of(login.expiresAt())
            + "|"
            + login.verifier().map(PkceVerifier::value).orElse("")
            + "|"
            + login.returnPath().value();
    errors.guard(
        "save a login state",
        () -> redis.set(keys.login(login.state()), value, SetParams.setParams().px(ttl)));
  }

  @Override
  public Optional<PendingLogin> consume(LoginState state, Instant now) {
    String value = errors.guard("consume a login state", () -> redis.getDel(keys.login(state)));
    return Optional.ofNullable(value)
        .map(v -> parse(state, v))
        .filter(login -> !login.isExpiredAt(now));
  }

  @Override
  public int deleteExpired(Instant now) {
    return KeyScan.sweep(
        redis,
        errors,
        "sweep expired login states",
        keys.allLogins(),
        SWEEP,
        List.of(String.valueOf(Micros.of(now))));
  }

  private static PendingLogin parse(LoginState state, String value) {
    String[] parts = value.split("\\|", 3);
    if (parts.length != 3) {
      throw new RedisMisuseException("a stored login state has an unknown shape", null);
    }
    return new PendingLogin(
        state,
        parts[1].isEmpty() ? Optional.empty() : Optional.of(new PkceVerifier(parts[1])),
        new ReturnPath(parts[2]),
        Micros.instant(parts[0]));
  }
}
