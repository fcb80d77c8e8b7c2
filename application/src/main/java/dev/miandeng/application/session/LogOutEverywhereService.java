package dev.miandeng.application.session;

import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import java.util.Objects;

/** Ends all sessions of one user (SEC-10). */
public final class LogOutEverywhereService implements LogOutEverywhereUseCase {

  private final Sessions sessions;

  public LogOutEverywhereService(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public int logOutEverywhere(UserId userId) {
    return sessions.deleteAllOf(userId);
  }
}
