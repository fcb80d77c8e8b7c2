package dev.miandeng.adapter.web;

import dev.miandeng.adapter.persistence.memory.InMemoryLoginStates;
import dev.miandeng.adapter.persistence.memory.InMemorySessions;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-memory stores behind one switch that makes them all fail as a downed database would
 * (REL-08), and a window on the last pending browser login (its PKCE verifier is what the scripted
 * provider needs to issue a matching code).
 */
final class SwitchableStores {

  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicReference<PendingLogin> lastPending = new AtomicReference<>();
  private final InMemorySessions sessions = new InMemorySessions();
  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemoryLoginStates loginStates = new InMemoryLoginStates();

  void goDown() {
    down.set(true);
  }

  void comeBack() {
    down.set(false);
  }

  boolean isUp() {
    return !down.get();
  }

  PendingLogin lastPendingLogin() {
    return lastPending.get();
  }

  private void check() {
    if (down.get()) {
      throw new StoreUnavailableException("test: store down", null);
    }
  }

  Sessions sessions() {
    return new Sessions() {
      @Override
      public void save(Session session, Instant keepUntil) {
        check();
        sessions.save(session, keepUntil);
      }

      @Override
      public Optional<Session> find(SessionTokenHash id) {
        check();
        return sessions.find(id);
      }

      @Override
      public Optional<Session> findFresh(SessionTokenHash id) {
        check();
        return sessions.findFresh(id);
      }

      @Override
      public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
        check();
        sessions.touch(id, lastSeenAt, keepUntil);
      }

      @Override
      public void delete(SessionTokenHash id) {
        check();
        sessions.delete(id);
      }

      @Override
      public int deleteAllOf(UserId userId) {
        check();
        return sessions.deleteAllOf(userId);
      }

      @Override
      public int deleteExpired(Instant now) {
        check();
        return sessions.deleteExpired(now);
      }
    };
  }

  Users users() {
    return new Users() {
      @Override
      public User recordLogin(Identity identity, Profile profile, Instant now) {
        check();
        return users.recordLogin(identity, profile, now);
      }

      @Override
      public Optional<User> findById(UserId id) {
        check();
        return users.findById(id);
      }
    };
  }

  LoginStates loginStates() {
    return new LoginStates() {
      @Override
      public void save(PendingLogin login) {
        check();
        lastPending.set(login);
        loginStates.save(login);
      }

      @Override
      public Optional<PendingLogin> consume(LoginState state, Instant now) {
        check();
        return loginStates.consume(state, now);
      }

      @Override
      public int deleteExpired(Instant now) {
        check();
        return loginStates.deleteExpired(now);
      }
    };
  }
}
