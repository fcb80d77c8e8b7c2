package dev.miandeng.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.LoginResult;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.application.session.SweepExpiredUseCase;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

  private final Core core = new Core();

  private SessionToken logIn(VerifiedIdentity person) {
    var result =
        core.useCases
            .finishLogin()
            .finish(
                new FinishLoginUseCase.Command(
                    FinishLoginUseCase.Kind.CLIENT,
                    Optional.of(core.useCases.issueLoginNonce().issue()),
                    core.provider.issueClientCode(person).code(),
                    Optional.empty()));
    return ((LoginResult.LoggedIn) result).token();
  }

  private SessionToken logInAlice() {
    return logIn(new VerifiedIdentity(People.alice(), People.aliceProfile()));
  }

  private boolean isLoggedIn(SessionToken token) {
    return core.useCases.currentUser().current(token) instanceof CurrentUserUseCase.Authenticated;
  }

  @Test
  @DisplayName("SEC-02 a well-formed token that was never issued is anonymous")
  void aNeverIssuedTokenIsAnonymous() {
    logInAlice();

    assertThat(isLoggedIn(SessionToken.generate(new SecureRandom()))).isFalse();
  }

  @Test
  @DisplayName("SEC-07 a session idle for 30 minutes is over; activity keeps it alive")
  void idleTimeout() {
    SessionToken token = logInAlice();
    core.clock.advance(Duration.ofMinutes(29));
    assertThat(isLoggedIn(token)).isTrue();

    core.clock.advance(Duration.ofMinutes(29));
    assertThat(isLoggedIn(token)).as("used 29 minutes ago, so still alive").isTrue();

    core.clock.advance(Duration.ofMinutes(30));
    assertThat(isLoggedIn(token)).isFalse();
  }

  @Test
  @DisplayName("SEC-08 a session ends after 12 hours even under constant activity")
  void absoluteLifetime() {
    SessionToken token = logInAlice();
    for (int minute = 0; minute < 12 * 60 - 10; minute += 10) {
      core.clock.advance(Duration.ofMinutes(10));
      assertThat(isLoggedIn(token)).as("minute %d", minute).isTrue();
    }

    core.clock.advance(Duration.ofMinutes(10));
    assertThat(isLoggedIn(token)).isFalse();
  }

  @Test
  @DisplayName("REL-09 last seen is written at most once per minute, not once per request")
  void lastSeenWritesAreThrottled() {
    AtomicInteger touches = new AtomicInteger();
    Sessions counting = new CountingSessions(core.sessions, touches);
    CurrentUserUseCase currentUser = instanceOver(counting);
    SessionToken token = logInAlice();

    for (int second = 0; second < 180; second++) {
      core.clock.advance(Duration.ofSeconds(1));
      currentUser.current(token);
    }

    assertThat(touches.get()).isEqualTo(3);
  }

  private CurrentUserUseCase instanceOver(Sessions sessions) {
    return core.wiredOver(sessions, TenantAllowList.ANY).currentUser();
  }

  @Test
  @DisplayName(
      "REL-09 a cached copy due a last-seen write is re-read: another instance's write is not"
          + " repeated")
  void aCachedCopyDueATouchIsReReadFirst() {
    AtomicInteger touches = new AtomicInteger();
    Sessions counted = new CountingSessions(core.sessions, touches);
    CurrentUserUseCase a = instanceOver(new CachedSessions(counted));
    CurrentUserUseCase b = instanceOver(new CachedSessions(counted));
    SessionToken token = logInAlice();
    a.current(token);
    b.current(token);
    core.clock.advance(SessionPolicy.DEFAULT.lastSeenWriteInterval());

    a.current(token);
    b.current(token);

    assertThat(touches.get()).as("a wrote last seen; b, re-reading, found it fresh").isEqualTo(1);
  }

  @Test
  @DisplayName(
      "SEC-07 a cached copy that looks idle too long is re-read: a session kept alive on another"
          + " instance is not ended")
  void aCachedCopyThatLooksExpiredIsReReadFirst() {
    CurrentUserUseCase a = instanceOver(new CachedSessions(core.sessions));
    CurrentUserUseCase b = instanceOver(new CachedSessions(core.sessions));
    SessionToken token = logInAlice();
    b.current(token);
    for (int minute = 0; minute < 40; minute += 10) {
      core.clock.advance(Duration.ofMinutes(10));
      assertThat(a.current(token)).isInstanceOf(CurrentUserUseCase.Authenticated.class);
    }

    assertThat(b.current(token))
        .as("b's copy was last seen 40 minutes ago, the store's 0 minutes ago")
        .isInstanceOf(CurrentUserUseCase.Authenticated.class);
  }

  @Test
  @DisplayName("SEC-07 a session that is really over is deleted from the store, not only refused")
  void anExpiredSessionIsDeleted() {
    SessionToken token = logInAlice();
    core.clock.advance(SessionPolicy.DEFAULT.idleTimeout());

    assertThat(isLoggedIn(token)).isFalse();
    assertThat(core.sessions.findFresh(token.hash())).isEmpty();
  }

  @Test
  @DisplayName("SEC-09 logout deletes the session; the old token is anonymous")
  void logoutEndsTheSession() {
    SessionToken token = logInAlice();

    core.useCases.logOut().logOut(token);

    assertThat(isLoggedIn(token)).isFalse();
  }

  @Test
  @DisplayName("SEC-10 log out everywhere ends every session of that user only")
  void logOutEverywhere() {
    SessionToken phone = logInAlice();
    SessionToken laptop = logInAlice();
    SessionToken bob = logIn(new VerifiedIdentity(People.bob(), People.profileOf("Bob")));
    UserId alice =
        ((CurrentUserUseCase.Authenticated) core.useCases.currentUser().current(phone)).user().id();

    assertThat(core.useCases.logOutEverywhere().logOutEverywhere(alice)).isEqualTo(2);

    assertThat(isLoggedIn(phone)).isFalse();
    assertThat(isLoggedIn(laptop)).isFalse();
    assertThat(isLoggedIn(bob)).isTrue();
  }

  @Test
  @DisplayName(
      "SEC-22 a session whose tenant is no longer allowed is logged out; allowed tenants keep theirs")
  void theAllowListAppliesToExistingSessions() {
    SessionToken alice = logInAlice();
    SessionToken mallory =
        logIn(new VerifiedIdentity(People.mallory(), People.profileOf("Mallory")));
    assertThat(isLoggedIn(mallory)).as("any tenant may log in at first").isTrue();
    // The operator narrows MIANDENG_ALLOWED_TENANTS and restarts: same stores, new allow-list.
    CurrentUserUseCase narrowed =
        core.wiredOver(core.sessions, new TenantAllowList(Set.of(People.TENANT))).currentUser();

    assertThat(narrowed.current(mallory)).isInstanceOf(CurrentUserUseCase.Anonymous.class);
    assertThat(narrowed.current(alice)).isInstanceOf(CurrentUserUseCase.Authenticated.class);
    assertThat(core.sessions.find(mallory.hash()))
        .as("the session is deleted, so widening the list again does not revive it")
        .isEmpty();
    assertThat(isLoggedIn(mallory)).isFalse();
  }

  @Test
  void theSweepDropsExpiredSessionsAndLogins() {
    logInAlice();
    core.useCases.issueLoginNonce().issue();
    core.clock.advance(Duration.ofHours(13));

    assertThat(core.useCases.sweepExpired().sweep()).isEqualTo(new SweepExpiredUseCase.Swept(1, 1));
  }

  @Test
  @DisplayName("REL-08 a store that is down passes through as the port's exception")
  void storeDownPassesThrough() {
    Sessions down = new CountingSessions(null, new AtomicInteger());
    CurrentUserUseCase currentUser = instanceOver(down);

    assertThatThrownBy(() -> currentUser.current(SessionToken.generate(new SecureRandom())))
        .isInstanceOf(StoreUnavailableException.class);
  }

  /**
   * Wraps a store to count "last seen" writes; with no store behind it, it is a store that is down.
   */
  private record CountingSessions(Sessions delegate, AtomicInteger touches) implements Sessions {

    private Sessions store() {
      if (delegate == null) {
        throw new StoreUnavailableException("down for the test", null);
      }
      return delegate;
    }

    @Override
    public void save(Session session, Instant keepUntil) {
      store().save(session, keepUntil);
    }

    @Override
    public Optional<Session> find(SessionTokenHash id) {
      return store().find(id);
    }

    @Override
    public Optional<Session> findFresh(SessionTokenHash id) {
      return store().findFresh(id);
    }

    @Override
    public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
      touches.incrementAndGet();
      store().touch(id, lastSeenAt, keepUntil);
    }

    @Override
    public void delete(SessionTokenHash id) {
      store().delete(id);
    }

    @Override
    public int deleteAllOf(UserId userId) {
      return store().deleteAllOf(userId);
    }

    @Override
    public int deleteExpired(Instant now) {
      return store().deleteExpired(now);
    }
  }

  /**
   * One instance's view of a shared store through a cache that never expires by itself, the worst
   * case of a caching adapter: {@code find} answers from the cache, {@code findFresh} reads the
   * store and refreshes the cache, a delete here drops the entry.
   */
  private record CachedSessions(Sessions shared, Map<SessionTokenHash, Session> cache)
      implements Sessions {

    CachedSessions(Sessions shared) {
      this(shared, new HashMap<>());
    }

    @Override
    public void save(Session session, Instant keepUntil) {
      shared.save(session, keepUntil);
    }

    @Override
    public Optional<Session> find(SessionTokenHash id) {
      return cache.containsKey(id) ? Optional.of(cache.get(id)) : findFresh(id);
    }

    @Override
    public Optional<Session> findFresh(SessionTokenHash id) {
      Optional<Session> stored = shared.findFresh(id);
      stored.ifPresentOrElse(s -> cache.put(id, s), () -> cache.remove(id));
      return stored;
    }

    @Override
    public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
      shared.touch(id, lastSeenAt, keepUntil);
      cache.computeIfPresent(id, (key, s) -> s.touchedAt(lastSeenAt));
    }

    @Override
    public void delete(SessionTokenHash id) {
      shared.delete(id);
      cache.remove(id);
    }

    @Override
    public int deleteAllOf(UserId userId) {
      cache.values().removeIf(s -> s.userId().equals(userId));
      return shared.deleteAllOf(userId);
    }

    @Override
    public int deleteExpired(Instant now) {
      cache.clear();
      return shared.deleteExpired(now);
    }
  }
}
