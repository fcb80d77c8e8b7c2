package dev.miandeng.application.session;

import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import java.util.Objects;

/** Deletes the server-side session, so a replayed cookie is anonymous (SEC-09). */
public final class LogOutService implements LogOutUseCase {

  private final Sessions sessions;

  public LogOutService(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public void logOut(SessionToken token) {
    sessions.delete(token.hash());
  }
}
