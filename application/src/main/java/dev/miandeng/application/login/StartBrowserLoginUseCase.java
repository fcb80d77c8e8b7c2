package dev.miandeng.application.login;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.ReturnPath;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/** Driving port: begin a login in an ordinary browser (OAuth authorization code with PKCE). */
public interface StartBrowserLoginUseCase {

  /**
   * @param returnPath where the browser goes once logged in: a same-origin path (SEC-21)
   * @return the authorize URL and the state to bind to the browser
   * @throws dev.miandeng.domain.store.StoreUnavailableException the login-state store cannot be
   *     reached
   */
  default Started start(ReturnPath returnPath) {
    return start(returnPath, Set.of());
  }

  /**
   * As {@link #start(ReturnPath)}, asking the user for {@code extraScopes} besides the configured
   * ones: the incremental consent a page asks for when an OpenAPI call made as the user answered
   * that a scope is missing (the scopes of {@code ListMyTasksUseCase.ConsentNeeded}).
   *
   * @param extraScopes at most {@link #MAX_EXTRA_SCOPES}; each must be one the app may ask for:
   *     {@code offline_access} or a scope of the demo's OpenAPI call. The configured scopes are in
   *     every authorize URL already and need no asking
   * @throws ScopeNotAllowedException a scope outside that list, or too many
   * @throws dev.miandeng.domain.store.StoreUnavailableException the login-state store cannot be
   *     reached
   */
  Started start(ReturnPath returnPath, Set<String> extraScopes);

  /** A page may ask for no more scopes at once (Feishu's authorize page takes at most 50). */
  int MAX_EXTRA_SCOPES = 10;

  /** The login asked for a scope this app never asks a user for: refuse it (400). */
  final class ScopeNotAllowedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScopeNotAllowedException(String message) {
      super(message, null, false, false);
    }
  }

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
