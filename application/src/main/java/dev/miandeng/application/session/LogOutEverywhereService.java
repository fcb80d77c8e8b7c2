package dev.miandeng.application.session;

import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.user.UserId;
import java.util.Objects;

/** Ends all sessions of one user (SEC-10). */
public final class LogOutEverywhereService implements LogOutEverywhereUseCase {

  private final Sessions sessions;

  public LogOutEverywhereService(Sessions sessions) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public Result logOutEverywhere(UserId userId) {
    try {
      return new LoggedOut(sessions.deleteAllOf(userId));
    } catch (StoreUnavailableException e) {
      return new StoreUnavailable();
    }
  }
}
