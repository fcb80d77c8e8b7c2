package dev.miandeng.adapter.redis;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.bob;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/** What is particular to the Redis stores beyond the port contracts. */
class RedisStoresTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  /** Whole milliseconds, so a session read back (kept to the microsecond) equals the one saved. */
  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

  private final MapUsers users = new MapUsers();

  private UserId userOf(Identity identity) {
    return users.recordLogin(identity, profileOf(identity.openId()), clock.instant()).id();
  }

  private Session newSession(Sessions sessions, UserId user) {
    Session session =
        Session.start(SessionToken.generate(RANDOM).hash(), user, clock.instant(), POLICY);
    sessions.save(session, session.keepUntil(POLICY));
    return session;
  }

  @Test
  @DisplayName("SEC-12 only the token hash is stored: no key or value holds the raw token or state")
  void onlyHashesAreStored() {
    RedisSettings settings = REDIS.freshSettings();
    RedisStores stores = REDIS.open(settings, clock);
    SessionToken token = SessionToken.generate(RANDOM);
    Session session = Session.start(token.hash(), userOf(alice()), clock.instant(), POLICY);
    stores.sessions().save(session, session.keepUntil(POLICY));
    LoginState state = LoginState.generate(RANDOM);
    stores.loginStates().save(PendingLogin.client(state, clock.instant(), Duration.ofMinutes(5)));

    try (RedisClient redis = RedisTestServer.inspector()) {
      List<String> keys = RedisTestServer.keysUnder(redis, settings.keyPrefix());
      assertThat(keys).contains(settings.keyPrefix() + "session:" + token.hash().hex());
      for (String key : keys) {
        assertThat(key + " " + valueOf(redis, key))
            .doesNotContain(token.value())
            .doesNotContain(state.value());
      }
    }
  }

  private static String valueOf(RedisClient redis, String key) {
    return switch (redis.type(key)) {
      case "hash" -> redis.hgetAll(key).toString();
      case "set" -> redis.smembers(key).toString();
      default -> redis.get(key);
    };
  }

  @Test
  @DisplayName(
      "a session's key expires at the keep-until it was saved with, counted from the clock")
  void theKeyExpiresAtTheKeepUntil() {
    RedisSettings settings = REDIS.freshSettings();
    Sessions sessions = REDIS.open(settings, clock).sessions();
    Session session =
        Session.start(
            SessionToken.generate(RANDOM).hash(), userOf(alice()), clock.instant(), POLICY);
    clock.advance(Duration.ofMinutes(20));

    sessions.save(session, clock.instant().plus(Duration.ofMinutes(10)));

    try (RedisClient redis = RedisTestServer.inspector()) {
      long ttl = redis.pttl(settings.keyPrefix() + "session:" + session.id().hex());
      assertThat(ttl)
          .isGreaterThan(Duration.ofMinutes(9).toMillis())
          .isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
    }
  }

  @Test
  @DisplayName("a session saved past its keep-until is not stored")
  void aSessionPastItsKeepUntilIsNotStored() {
    Sessions sessions = REDIS.open(REDIS.freshSettings(), clock).sessions();
    Session session = newSession(sessions, userOf(alice()));
    Session late =
        Session.start(SessionToken.generate(RANDOM).hash(), userOf(bob()), clock.instant(), POLICY);

    sessions.save(late, clock.instant());

    assertThat(sessions.find(late.id())).isEmpty();
    assertThat(sessions.find(session.id())).contains(session);
  }

  @Test
  @DisplayName("REL-09 a touch moves the key's expiry to the new keep-until")
  void touchMovesTheTtl() {
    RedisSettings settings = REDIS.freshSettings();
    Sessions sessions = REDIS.open(settings, clock).sessions();
    Session session =
        Session.start(
            SessionToken.generate(RANDOM).hash(), userOf(alice()), clock.instant(), POLICY);
    sessions.save(session, clock.instant().plus(Duration.ofMinutes(10)));
    String key = settings.keyPrefix() + "session:" + session.id().hex();
    clock.advance(Duration.ofMinutes(1));
    Session touched = session.touchedAt(clock.instant());

    try (RedisClient redis = RedisTestServer.inspector()) {
      long before = redis.pttl(key);
      sessions.touch(session.id(), touched.lastSeenAt(), touched.keepUntil(POLICY));
      long after = redis.pttl(key);

      assertThat(before).isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
      assertThat(after).isGreaterThan(Duration.ofMinutes(20).toMillis());
      assertThat(sessions.find(session.id())).contains(touched);
    }
  }

  @Test
  @DisplayName("a touch whose keep-until has passed ends the session")
  void aTouchPastItsKeepUntilDeletes() {
    Sessions sessions = REDIS.open(REDIS.freshSettings(), clock).sessions();
    Session session = newSession(sessions, userOf(alice()));
    clock.advance(Duration.ofMinutes(1));

    sessions.touch(session.id(), clock.instant(), clock.instant());

    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  @DisplayName("SEC-17 a pending login's key expires with the login, at most 10 minutes")
  void loginStateTtl() {
    RedisSettings settings = REDIS.freshSettings();
    RedisStores stores = REDIS.open(settings, clock);
    PendingLogin login =
        PendingLogin.browser(
            LoginState.generate(RANDOM),
            PkceVerifier.generate(RANDOM),
            new ReturnPath("/a|b?c=1"),
            clock.instant(),
            PendingLogin.MAX_TTL);
    stores.loginStates().save(login);

    try (RedisClient redis = RedisTestServer.inspector()) {
      String key = RedisTestServer.keysUnder(redis, settings.keyPrefix() + "login:").getFirst();
      assertThat(redis.pttl(key)).isPositive().isLessThanOrEqualTo(PendingLogin.MAX_TTL.toMillis());
    }
    assertThat(stores.loginStates().consume(login.state(), clock.instant())).contains(login);
  }

  @Test
  @DisplayName(
      "REL-13 SEC-10 two instances on one Redis: \"log out everywhere\" on one is seen by the other"
          + " at once, with no cache bound")
  void twoInstancesSeeOneLogoutAtOnce() {
    RedisSettings settings = REDIS.freshSettings();
    Sessions a = REDIS.open(settings, clock).sessions();
    Sessions b = REDIS.open(settings, clock).sessions();
    UserId user = userOf(alice());
    Session phone = newSession(a, user);
    Session laptop = newSession(b, user);
    Session other = newSession(a, userOf(bob()));
    assertThat(b.find(phone.id())).isPresent();
    assertThat(a.find(laptop.id())).isPresent();

    assertThat(a.deleteAllOf(user)).isEqualTo(2);

    assertThat(b.find(phone.id())).isEmpty();
    assertThat(b.find(laptop.id())).isEmpty();
    assertThat(b.find(other.id())).isPresent();
    b.delete(other.id());
    assertThat(a.find(other.id())).isEmpty();
  }

  @Test
  @DisplayName("SEC-17 a login state consumed from two instances at once has exactly one winner")
  void oneWinnerAcrossInstances() throws Exception {
    RedisSettings settings = REDIS.freshSettings();
    RedisStores a = REDIS.open(settings, clock);
    RedisStores b = REDIS.open(settings, clock);
    PendingLogin login =
        PendingLogin.client(LoginState.generate(RANDOM), clock.instant(), Duration.ofMinutes(5));
    a.loginStates().save(login);
    AtomicInteger turn = new AtomicInteger();

    List<Optional<PendingLogin>> results =
        Concurrently.run(
            20,
            () ->
                (turn.getAndIncrement() % 2 == 0 ? a : b)
                    .loginStates()
                    .consume(login.state(), clock.instant()));

    assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
  }

  @Test
  @DisplayName("two apps with their own key prefixes share one Redis without seeing each other")
  void keyPrefixesSeparateApps() {
    Sessions shop = REDIS.open(REDIS.freshSettings(), clock).sessions();
    Sessions blog = REDIS.open(REDIS.freshSettings(), clock).sessions();
    UserId user = userOf(alice());
    Session session = newSession(shop, user);

    assertThat(blog.find(session.id())).isEmpty();
    assertThat(blog.deleteAllOf(user)).isZero();
    assertThat(blog.deleteExpired(clock.instant().plus(Duration.ofDays(1)))).isZero();
    assertThat(shop.find(session.id())).contains(session);
  }
}
