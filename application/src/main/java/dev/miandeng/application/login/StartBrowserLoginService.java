package dev.miandeng.application.login;

import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
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
  public Started start(ReturnPath returnPath) {
    LoginState state = LoginState.generate(random);
    PkceVerifier verifier = PkceVerifier.generate(random);
    loginStates.save(PendingLogin.browser(state, verifier, returnPath, clock.instant(), ttl));
    return new Started(identityLookup.authorizeUrl(state.value(), verifier), state);
  }
}
