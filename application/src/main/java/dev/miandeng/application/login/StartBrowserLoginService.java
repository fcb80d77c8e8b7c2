package dev.miandeng.application.login;

import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Starts a browser login: a fresh state and PKCE verifier, kept server-side until the callback. */
public final class StartBrowserLoginService implements StartBrowserLoginUseCase {

  private final IdentityLookup identityLookup;
  private final LoginStates loginStates;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random;

  public StartBrowserLoginService(
      IdentityLookup identityLookup,
      LoginStates loginStates,
      Duration ttl,
      Clock clock,
      SecureRandom random) {
    this.identityLookup = Objects.requireNonNull(identityLookup, "identityLookup");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public Result start(String requestedReturnPath) {
    LoginState state = LoginState.generate(random);
    PkceVerifier verifier = PkceVerifier.generate(random);
    PendingLogin pending =
        PendingLogin.browser(
            state, verifier, ReturnPath.parseOrHome(requestedReturnPath), clock.instant(), ttl);
    try {
      loginStates.save(pending);
    } catch (StoreUnavailableException e) {
      return new StoreUnavailable();
    }
    return new Started(identityLookup.authorizeUrl(state.value(), verifier), state);
  }
}
