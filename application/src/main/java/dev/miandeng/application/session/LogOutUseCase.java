package dev.miandeng.application.session;

import dev.miandeng.domain.session.SessionToken;

/** Driving port: end this session (SEC-09). */
public interface LogOutUseCase {

  /**
   * Deletes the session; idempotent: a session that is gone, or never existed, is fine.
   *
   * @throws dev.miandeng.domain.store.StoreUnavailableException the session store cannot be reached
   */
  void logOut(SessionToken token);
}
