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
import java.util.Set;

/** Starts a browser login: a fresh state and PKCE verifier, kept server-side until the callback. */
public final class StartBrowserLoginService implements StartBrowserLoginUseCase {

  private final IdentityLookup identityLookup;
  private final LoginStates loginStates;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random;
  private final Set<String> consentable;

  public StartBrowserLoginService(
      IdentityLookup identityLookup,
      LoginStates loginStates,
      Duration ttl,
      Clock clock,
      SecureRandom random) {
    this(identityLookup, loginStates, ttl, clock, random, Set.of());
  }

  /**
   * @param consentable the scopes a page may ask for beyond the configured ones ({@code
   *     offline_access} and the scopes of the OpenAPI calls made as the user)
   */
  public StartBrowserLoginService(
      IdentityLookup identityLookup,
      LoginStates loginStates,
      Duration ttl,
      Clock clock,
      SecureRandom random,
      Set<String> consentable) {
    this.consentable = Set.copyOf(consentable);
    this.identityLookup = Objects.requireNonNull(identityLookup, "identityLookup");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public Started start(ReturnPath returnPath, Set<String> extraScopes) {
    if (extraScopes.size() > MAX_EXTRA_SCOPES) {
      throw new ScopeNotAllowedException("too many scopes asked for at once");
    }
    for (String scope : extraScopes) {
      if (!consentable.contains(scope)) {
        throw new ScopeNotAllowedException("this app does not ask for the scope " + scope);
      }
    }
    LoginState state = LoginState.generate(random);
    PkceVerifier verifier = PkceVerifier.generate(random);
    loginStates.save(PendingLogin.browser(state, verifier, returnPath, clock.instant(), ttl));
    return new Started(identityLookup.authorizeUrl(state.value(), verifier, extraScopes), state);
  }
}
