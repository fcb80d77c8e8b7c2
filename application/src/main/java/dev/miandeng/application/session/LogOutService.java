package dev.miandeng.application.session;

import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.util.Objects;

/** Deletes the server-side session, so a replayed cookie is anonymous (SEC-09). */
public final class LogOutService implements LogOutUseCase {

  private final Sessions sessions;

  public LogOutService(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public Result logOut(SessionToken token) {
    try {
      sessions.delete(token.hash());
      return new LoggedOut();
    } catch (StoreUnavailableException e) {
      return new StoreUnavailable();
    }
  }
}
