package dev.miandeng.application.login;

import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import java.util.Objects;
import java.util.Optional;

/** Driving port: log in with a code the Feishu client gave the page (steps 7–12 of the seed). */
public interface LogInWithCodeUseCase {

  LoginResult logIn(Command command);

  /**
   * @param code the one-time code from {@code tt.requestAccess} / {@code tt.requestAuthCode}
   * @param nonce the one-time nonce the server issued to this page (login CSRF, SEC-14)
   * @param previousSession the session the browser held before, ended by this login (SEC-03)
   */
  record Command(AuthorizationCode code, LoginState nonce, Optional<SessionToken> previousSession) {
    public Command {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(previousSession, "previousSession");
    }
  }
}
