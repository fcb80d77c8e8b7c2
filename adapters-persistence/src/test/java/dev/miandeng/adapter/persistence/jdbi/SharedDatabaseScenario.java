package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.aliceProfile;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REL-13: two independently built stores on one database behave as one. Time is a hand-moved clock
 * that also drives the caches, so the 5 s bound is shown by advancing time, not by sleeping.
 */
abstract class SharedDatabaseScenario {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration BOUND = DatabaseSettings.MAX_CACHE_TTL;

  private final MutableClock clock = new MutableClock();
  private final Ticker ticker = () -> toNanos(clock.instant());
  private JdbiStores a;
  private JdbiStores b;
  private UserId user;
  private Duration refreshAfter;

  /** b's cache reloads, held back until a test runs them. */
  private final Queue<Runnable> reloadsOnB = new ConcurrentLinkedQueue<>();

  protected abstract TestDatabase database();

  @BeforeEach
  void twoInstancesOnOneDatabase() {
    DatabaseSettings shared = database().freshDatabase();
    a = database().open(shared, ticker, Runnable::run);
    b = database().open(shared, ticker, reloadsOnB::add);
    refreshAfter = shared.cacheRefreshAfter();
    user = a.users().recordLogin(alice(), aliceProfile(), clock.instant()).id();
  }

  private Session newSessionOn(JdbiStores instance) {
    Session session =
        Session.start(
            SessionToken.generate(RANDOM).hash(), user, clock.instant(), SessionPolicy.DEFAULT);
    instance.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
    return session;
  }

  /** Records a use of {@code session} on a, stamped a "last seen" write interval on. */
  private Session touchOnA(Session session) {
    Session touched =
        session.touchedAt(clock.instant().plus(SessionPolicy.DEFAULT.lastSeenWriteInterval()));
    a.sessions()
        .touch(session.id(), touched.lastSeenAt(), touched.keepUntil(SessionPolicy.DEFAULT));
    return touched;
  }

  @Test
  @DisplayName("REL-13 a session made on one instance is valid on the other at once")
  void aSessionMadeOnOneIsFoundOnTheOther() {
    Session session = newSessionOn(a);

    assertThat(b.sessions().find(session.id())).contains(session);
  }

  @Test
  @DisplayName("REL-13 a logout on one instance takes effect on the other within 5 s")
  void aLogoutReachesTheOtherInstanceWithinTheBound() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).contains(session); // now cached on b

    a.sessions().delete(session.id());

    assertThat(a.sessions().find(session.id())).isEmpty();
    clock.advance(BOUND);
    assertThat(b.sessions().find(session.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "REL-13 SEC-10 log-out-everywhere on one instance ends the user's sessions on the other"
          + " within 5 s")
  void revocationReachesTheOtherInstanceWithinTheBound() {
    Session phone = newSessionOn(a);
    Session laptop = newSessionOn(b);
    assertThat(b.sessions().find(phone.id())).isPresent();
    assertThat(b.sessions().find(laptop.id())).isPresent();

    assertThat(a.sessions().deleteAllOf(user)).isEqualTo(2);

    clock.advance(BOUND);
    assertThat(b.sessions().find(phone.id())).isEmpty();
    assertThat(b.sessions().find(laptop.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "REL-09 REL-13 a use recorded on one instance is seen at once by the other's findFresh, and"
          + " its cache then holds it")
  void aTouchOnOneIsSeenOnTheOther() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).contains(session);
    // A touch stamped a minute on, while b's cache entry (a few seconds of life) still holds.
    Session touched = touchOnA(session);

    // b's cached copy is due for a "last seen" write, so the core re-reads it instead of writing
    // again.
    assertThat(b.sessions().find(session.id())).as("cached").contains(session);
    assertThat(b.sessions().findFresh(session.id())).contains(touched);
    assertThat(b.sessions().find(session.id())).as("refreshed").contains(touched);
  }

  @Test
  @DisplayName("REL-13 a logout on one instance is seen at once by the other's findFresh")
  void findFreshBypassesTheCache() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).isPresent();

    a.sessions().delete(session.id());

    assertThat(b.sessions().findFresh(session.id())).isEmpty();
    assertThat(b.sessions().find(session.id())).as("the cache is refreshed too").isEmpty();
  }

  @Test
  @DisplayName("the cache really serves reads: within the bound the other instance still has it")
  void theOtherInstanceAnswersFromItsCacheWithinTheBound() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).isPresent();

    a.sessions().delete(session.id());

    // Proves the reads above are cached (else the bound would be meaningless, and slow).
    assertThat(b.sessions().find(session.id())).contains(session);
  }

  @Test
  @DisplayName(
      "REL-13 a session still in use is reloaded in the background before it expires; reads"
          + " meanwhile get the cached copy at once")
  void aBusySessionIsReloadedInTheBackground() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).contains(session);
    Session touched = touchOnA(session);

    clock.advance(refreshAfter.plusMillis(1)); // just past the reload age, short of the bound

    assertThat(b.sessions().find(session.id())).as("while the reload waits").contains(session);
    assertThat(b.sessions().find(session.id())).as("still").contains(session);
    runReloadsOnB();
    assertThat(b.sessions().find(session.id())).as("reloaded").contains(touched);
  }

  @Test
  @DisplayName(
      "REL-13 a logout on one instance is seen by the other's busy cache at its background reload,"
          + " before the 5 s bound")
  void aBackgroundReloadDropsASessionDeletedElsewhere() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).isPresent();

    a.sessions().delete(session.id());
    clock.advance(refreshAfter.plusMillis(1));

    assertThat(b.sessions().find(session.id())).as("within the bound, cached").isPresent();
    runReloadsOnB();
    assertThat(b.sessions().find(session.id())).as("reloaded: gone").isEmpty();
  }

  @Test
  @DisplayName(
      "REL-13 a logout on this instance while a reload of the session is pending is not undone by"
          + " the reload")
  void aPendingReloadDoesNotBringBackASessionDeletedHere() {
    Session session = newSessionOn(a);
    assertThat(b.sessions().find(session.id())).isPresent();
    clock.advance(refreshAfter.plusMillis(1));
    assertThat(b.sessions().find(session.id())).isPresent(); // a reload is now pending

    b.sessions().delete(session.id());
    // The row is back when the reload runs, as a read that raced the delete would have seen it.
    a.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
    runReloadsOnB();
    a.sessions().delete(session.id());

    assertThat(b.sessions().find(session.id()))
        .as("a reload that re-inserted the copy would answer from the cache")
        .isEmpty();
  }

  @Test
  @DisplayName("a user still in use is reloaded in the background: a new profile reaches the cache")
  void aBusyUserIsReloadedInTheBackground() {
    assertThat(b.users().findById(user)).map(User::profile).contains(aliceProfile());
    Profile renamed = profileOf("Alice Renamed");
    a.users().recordLogin(alice(), renamed, clock.instant());

    clock.advance(refreshAfter.plusMillis(1));

    assertThat(b.users().findById(user)).map(User::profile).contains(aliceProfile());
    runReloadsOnB();
    assertThat(b.users().findById(user)).map(User::profile).contains(renamed);
  }

  private void runReloadsOnB() {
    for (Runnable reload = reloadsOnB.poll(); reload != null; reload = reloadsOnB.poll()) {
      reload.run();
    }
  }

  private static long toNanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }
}
