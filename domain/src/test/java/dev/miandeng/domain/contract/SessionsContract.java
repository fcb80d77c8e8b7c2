package dev.miandeng.domain.contract;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.bob;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sessions} implementation must do. Sessions belong to users, so the contract
 * also asks for the {@link Users} store that the sessions live beside (stores may link them).
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
    sessions().save(session);
    return session;
  }

  @Test
  void aSavedSessionIsFoundByItsHash() {
    Session session = newSession(userOf(alice()), T0);

    assertThat(sessions().find(session.id())).contains(session);
  }

  @Test
  @DisplayName("SEC-02 a well-formed token that was never issued finds nothing")
  void aNeverIssuedTokenFindsNothing() {
    newSession(userOf(alice()), T0);

    assertThat(sessions().find(SessionToken.generate(RANDOM).hash())).isEmpty();
  }

  @Test
  @DisplayName("REL-09 touch records the last use")
  void touchRecordsTheLastUse() {
    Session session = newSession(userOf(alice()), T0);
    Instant later = T0.plus(Duration.ofMinutes(5));

    sessions().touch(session.id(), later);

    assertThat(sessions().find(session.id())).contains(session.touchedAt(later));
  }

  @Test
  void touchingAMissingSessionDoesNotCreateIt() {
    var hash = SessionToken.generate(RANDOM).hash();

    sessions().touch(hash, T0);

    assertThat(sessions().find(hash)).isEmpty();
  }

  @Test
  @DisplayName("SEC-09 a deleted session is gone at once")
  void aDeletedSessionIsGone() {
    Session session = newSession(userOf(alice()), T0);
    assertThat(sessions().find(session.id())).isPresent();

    sessions().delete(session.id());

    assertThat(sessions().find(session.id())).isEmpty();
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
    assertThat(sessions().find(bobs.id())).contains(bobs);
  }

  @Test
  @DisplayName("SEC-07 SEC-08 the sweep removes idle and too-old sessions and keeps live ones")
  void sweepRemovesExpiredSessions() {
    UserId user = userOf(alice());
    Instant now = T0.plus(Duration.ofHours(13));
    Session tooOld = newSession(user, T0);
    sessions().touch(tooOld.id(), now.minus(Duration.ofMinutes(1)));
    Session idle = newSession(user, now.minus(Duration.ofHours(2)));
    Session live = newSession(user, now.minus(Duration.ofMinutes(10)));

    assertThat(sessions().deleteExpired(now, POLICY)).isEqualTo(2);

    assertThat(sessions().find(tooOld.id())).isEmpty();
    assertThat(sessions().find(idle.id())).isEmpty();
    assertThat(sessions().find(live.id())).contains(live);
  }
}
