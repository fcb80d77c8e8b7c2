package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;

/** Driving port: hand a page the one-time nonce it must send back with a client code (SEC-14). */
public interface IssueLoginNonceUseCase {

  /**
   * @return a fresh nonce, stored server-side as a pending client login until its time to live ends
   * @throws dev.miandeng.domain.store.StoreUnavailableException the login-state store cannot be
   *     reached
   */
  LoginState issue();
}
