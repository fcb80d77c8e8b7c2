package dev.miandeng.application.session;

import dev.miandeng.domain.user.UserId;

/** Driving port: end every session of a user, on every device ("log out everywhere", SEC-10). */
public interface LogOutEverywhereUseCase {

  /**
   * @return how many sessions ended (0 or more)
   * @throws dev.miandeng.domain.store.StoreUnavailableException the session store cannot be reached
   */
  int logOutEverywhere(UserId userId);
}
