package dev.miandeng.application.login;

import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import java.util.Objects;
import java.util.Optional;

/** Driving port: finish a browser login at the callback. */
public interface CompleteBrowserLoginUseCase {

  LoginResult complete(Command command);

  /**
   * @param state the {@code state} the callback brought, already checked against the browser's
   *     binding by the caller; consumed here exactly once, before any upstream call (SEC-20)
   * @param code the code the callback brought
   * @param previousSession the session the browser held before, ended by this login (SEC-03)
   */
  record Command(LoginState state, AuthorizationCode code, Optional<SessionToken> previousSession) {
    public Command {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(previousSession, "previousSession");
    }
  }
}
