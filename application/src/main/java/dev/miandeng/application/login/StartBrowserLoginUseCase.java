package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;
import java.net.URI;
import java.util.Objects;

/** Driving port: begin a login in an ordinary browser (OAuth authorization code with PKCE). */
public interface StartBrowserLoginUseCase {

  /**
   * @param requestedReturnPath untrusted; anything but a same-origin path becomes "/" (SEC-21)
   */
  Result start(String requestedReturnPath);

  sealed interface Result {}

  /**
   * Send the browser to {@code authorizeUrl}; bind {@code state} to it (a cookie) for the callback.
   */
  record Started(URI authorizeUrl, LoginState state) implements Result {
    public Started {
      Objects.requireNonNull(authorizeUrl, "authorizeUrl");
      Objects.requireNonNull(state, "state");
    }
  }

  record StoreUnavailable() implements Result {}
}
