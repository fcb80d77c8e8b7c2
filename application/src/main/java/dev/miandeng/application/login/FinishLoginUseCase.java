package dev.miandeng.application.login;

import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import java.util.Objects;
import java.util.Optional;

/**
 * Driving port: finish a login with a one-time code, whichever way the code came (steps 7–12 of the
 * login-free flow for a client code, the OAuth callback for a browser).
 */
public interface FinishLoginUseCase {

  /**
   * Consumes the one-time value exactly once, before the code is sent anywhere (SEC-20), then
   * exchanges the code, checks the tenant (SEC-22), records the user, ends the previous session
   * (SEC-03) and opens a new one.
   *
   * @return the business outcome: a session, or why there is none
   * @throws dev.miandeng.domain.identity.AuthCenterUnavailableException the identity provider is
   *     down or rate limiting; the exception may carry how long to wait
   * @throws dev.miandeng.domain.identity.AuthCenterMisconfiguredException the app's own credentials
   *     or settings are wrong; the message names what to fix
   * @throws dev.miandeng.domain.store.StoreUnavailableException a store cannot be reached
   */
  LoginResult finish(Command command);

  /** How the code came: each one-time value finishes only the kind of login it started. */
  enum Kind {
    /** A code from the Feishu client, sent with a nonce the server issued (SEC-14). */
    CLIENT,
    /** A code at the browser callback, with the OAuth state and the PKCE verifier (SEC-17). */
    BROWSER
  }

  /**
   * @param kind the way the code came
   * @param oneTimeValue the nonce or state, when the caller found it well formed and bound to this
   *     browser (a cookie, compared in constant time); empty otherwise, which is {@link
   *     LoginResult.StateRejected} without any store or upstream call
   * @param code the one-time code
   * @param previousSession the session the browser held before, ended by this login (SEC-03)
   */
  record Command(
      Kind kind,
      Optional<LoginState> oneTimeValue,
      AuthorizationCode code,
      Optional<SessionToken> previousSession) {
    public Command {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(oneTimeValue, "oneTimeValue");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(previousSession, "previousSession");
    }
  }
}
