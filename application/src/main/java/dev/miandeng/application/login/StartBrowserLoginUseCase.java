package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.ReturnPath;
import java.net.URI;
import java.util.Objects;

/** Driving port: begin a login in an ordinary browser (OAuth authorization code with PKCE). */
public interface StartBrowserLoginUseCase {

  /**
   * @param returnPath where the browser goes once logged in: a same-origin path (SEC-21)
   * @return the authorize URL and the state to bind to the browser
   * @throws dev.miandeng.domain.store.StoreUnavailableException the login-state store cannot be
   *     reached
   */
  Started start(ReturnPath returnPath);

  /**
   * Send the browser to {@code authorizeUrl}; bind {@code state} to it (a cookie) for the callback.
   */
  record Started(URI authorizeUrl, LoginState state) {
    public Started {
      Objects.requireNonNull(authorizeUrl, "authorizeUrl");
      Objects.requireNonNull(state, "state");
    }
  }
}
