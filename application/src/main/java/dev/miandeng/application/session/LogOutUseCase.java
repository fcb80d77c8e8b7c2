package dev.miandeng.application.session;

import dev.miandeng.domain.session.SessionToken;

/** Driving port: end this session (SEC-09). */
public interface LogOutUseCase {

  Result logOut(SessionToken token);

  sealed interface Result {}

  /** The session is gone, or never existed: logging out is idempotent. */
  record LoggedOut() implements Result {}

  record StoreUnavailable() implements Result {}
}
