package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;
import java.util.Objects;

/** Driving port: hand a page the one-time nonce it must send back with a client code (SEC-14). */
public interface IssueLoginNonceUseCase {

  Result issue();

  sealed interface Result {}

  record Issued(LoginState nonce) implements Result {
    public Issued {
      Objects.requireNonNull(nonce, "nonce");
    }
  }

  record StoreUnavailable() implements Result {}
}
