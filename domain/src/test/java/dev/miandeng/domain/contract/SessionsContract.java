package dev.miandeng.domain.contract;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.bob;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sessions} implementation must do: keep, find and delete sessions, and drop them
 * by the keep-until it is given, with no policy of its own (validity is {@link
 * Session#standingAt}'s, tested with the domain). Sessions belong to users, so the contract also
 * asks for the {@link Users} store that the sessions live beside (stores may link them).
 *
 * <p>Every instant here is at or after {@link #T0}: a store that counts expiry from a clock may
 * stand it at {@code T0}.
 */
public abstract class SessionsContract {

  protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;

  /** The sessions store for this test: empty, the same instance on every call within one test. */
  protected abstract Sessions sessions();

  /** The users store beside it. */
  protected abstract Users users();

  private UserId userOf(Identity identity) {
    return users().recordLogin(identity, profileOf(identity.openId()), T0).id();
  }

  private Session newSession(UserId userId, Instant at) {
    Session session = Session.start(SessionToken.generate(RANDOM).hash(), userId, at, POLICY);
    sessions().save(session, session.keepUntil(POLICY));
    return session;
  }

  private static SessionTokenHash neverIssued() {
    return SessionToken.generate(RANDOM).hash();
  }

  @Test
  void aSavedSessionIsFoundByItsHash() {
    Session session = newSession(userOf(alice()), T0);

    assertThat(sessions().find(session.id())).contains(session);
    assertThat(sessions().findFresh(session.id())).contains(session);
  }

  @Test
  @DisplayName("SEC-02 a well-formed token that was never issued finds nothing")
  void aNeverIssuedTokenFindsNothing() {
    newSession(userOf(alice()), T0);

    assertThat(sessions().find(neverIssued())).isEmpty();
    assertThat(sessions().findFresh(neverIssued())).isEmpty();
  }

  @Test
  @DisplayName("REL-09 touch records the last use")
  void touchRecordsTheLastUse() {
    Session session = newSession(userOf(alice()), T0);
    sessions().find(session.id());
    Session touched = session.touchedAt(T0.plus(Duration.ofMinutes(5)));

    sessions().touch(session.id(), touched.lastSeenAt(), touched.keepUntil(POLICY));

    assertThat(sessions().find(session.id())).contains(touched);
    assertThat(sessions().findFresh(session.id())).contains(touched);
  }

  @Test
  @DisplayName("REL-09 a late, older touch never rewinds last seen or keep-until")
  void touchesOnlyMoveForward() {
    Session session = newSession(userOf(alice()), T0);
    Session newer = session.touchedAt(T0.plus(Duration.ofMinutes(10)));
    Session older = session.touchedAt(T0.plus(Duration.ofMinutes(5)));

    sessions().touch(session.id(), newer.lastSeenAt(), newer.keepUntil(POLICY));
    sessions().touch(session.id(), older.lastSeenAt(), older.keepUntil(POLICY));

    assertThat(sessions().findFresh(session.id())).contains(newer);
    assertThat(sessions().deleteExpired(older.keepUntil(POLICY))).isZero();
    assertThat(sessions().find(session.id())).contains(newer);
  }

  @Test
  void touchingAMissingSessionDoesNotCreateIt() {
    SessionTokenHash hash = neverIssued();

    sessions().touch(hash, T0, T0.plus(Duration.ofMinutes(30)));

    assertThat(sessions().find(hash)).isEmpty();
    assertThat(sessions().findFresh(hash)).isEmpty();
  }

  @Test
  @DisplayName("SEC-09 a deleted session is gone at once")
  void aDeletedSessionIsGone() {
    Session session = newSession(userOf(alice()), T0);
    assertThat(sessions().find(session.id())).isPresent();

    sessions().delete(session.id());

    assertThat(sessions().find(session.id())).isEmpty();
    assertThat(sessions().findFresh(session.id())).isEmpty();
  }

  @Test
  @DisplayName("SEC-10 deleting all of a user's sessions leaves other users' sessions alone")
  void deleteAllOfOneUser() {
    UserId alice = userOf(alice());
    UserId bob = userOf(bob());
    Session phone = newSession(alice, T0);
    Session laptop = newSession(alice, T0);
    Session bobs = newSession(bob, T0);
    sessions().find(phone.id());

    assertThat(sessions().deleteAllOf(alice)).isEqualTo(2);

    assertThat(sessions().find(phone.id())).isEmpty();
    assertThat(sessions().find(laptop.id())).isEmpty();
    assertThat(sessions().findFresh(laptop.id())).isEmpty();
    assertThat(sessions().find(bobs.id())).contains(bobs);
  }

  @Test
  @DisplayName("the sweep removes the sessions whose keep-until is at or before the instant given")
  void sweepRemovesWhatIsPastItsKeepUntil() {
    UserId user = userOf(alice());
    Session early = newSession(user, T0);
    Session due = newSession(user, T0.plus(Duration.ofMinutes(10)));
    Session later = newSession(user, T0.plus(Duration.ofMinutes(20)));
    sessions().find(early.id());
    sessions().find(due.id());

    assertThat(sessions().deleteExpired(due.keepUntil(POLICY))).isEqualTo(2);

    assertThat(sessions().find(early.id())).isEmpty();
    assertThat(sessions().find(due.id())).isEmpty();
    assertThat(sessions().find(later.id())).contains(later);
  }

  @Test
  @DisplayName("a touch moves the keep-until: the sweep keeps a session used since it was saved")
  void aTouchMovesTheKeepUntil() {
    Session session = newSession(userOf(alice()), T0);
    Session touched = session.touchedAt(T0.plus(Duration.ofMinutes(20)));
    sessions().touch(session.id(), touched.lastSeenAt(), touched.keepUntil(POLICY));

    assertThat(sessions().deleteExpired(session.keepUntil(POLICY))).isZero();
    assertThat(sessions().find(session.id())).contains(touched);

    assertThat(sessions().deleteExpired(touched.keepUntil(POLICY))).isEqualTo(1);
    assertThat(sessions().find(session.id())).isEmpty();
  }
}
