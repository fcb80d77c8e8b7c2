package dev.miandeng.application.session;

import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.util.Objects;

/**
 * Ends all sessions of one user and deletes their OAuth grant from the token vault (SEC-10): after
 * "log out everywhere" nothing acts in the user's name until they log in again.
 */
public final class LogOutEverywhereService implements LogOutEverywhereUseCase {

  private final Sessions sessions;
  private final UserTokens userTokens;

  public LogOutEverywhereService(Sessions sessions, UserTokens userTokens) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.userTokens = Objects.requireNonNull(userTokens, "userTokens");
  }

  @Override
  public int logOutEverywhere(UserId userId) {
    // The grant goes first: a failure between the two leaves sessions a retry can still end,
    // never a vault that outlives the logout.
    userTokens.deleteAllOf(userId);
    return sessions.deleteAllOf(userId);
  }
}
