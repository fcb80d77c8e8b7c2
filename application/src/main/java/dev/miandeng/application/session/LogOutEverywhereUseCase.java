package dev.miandeng.application.session;

import dev.miandeng.domain.user.UserId;

/** Driving port: end every session of a user, on every device ("log out everywhere", SEC-10). */
public interface LogOutEverywhereUseCase {

  Result logOutEverywhere(UserId userId);

  sealed interface Result {}

  record LoggedOut(int sessionsEnded) implements Result {}

  record StoreUnavailable() implements Result {}
}
