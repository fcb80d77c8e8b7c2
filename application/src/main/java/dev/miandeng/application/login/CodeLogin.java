package dev.miandeng.application.login;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps every login shares, whichever way the code came: consume the one-time state that
 * started it, exchange the code, check the tenant, record the user, end the old session and open a
 * new one. Both login use cases delegate here so the rules live once.
 */
public final class CodeLogin {

  private final IdentityLookup identityLookup;
  private final Users users;
  private final Sessions sessions;
  private final LoginStates loginStates;
  private final TenantAllowList tenants;
  private final SessionPolicy policy;
  private final Clock clock;
  private final SecureRandom random;

  public CodeLogin(
      IdentityLookup identityLookup,
      Users users,
      Sessions sessions,
      LoginStates loginStates,
      TenantAllowList tenants,
      SessionPolicy policy,
      Clock clock,
      SecureRandom random) {
    this.identityLookup = Objects.requireNonNull(identityLookup, "identityLookup");
    this.users = Objects.requireNonNull(users, "users");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A client code, accepted only with a nonce this server issued for a client login (SEC-14). */
  LoginResult finishClientLogin(
      LoginState nonce, AuthorizationCode code, Optional<SessionToken> previous) {
    return finish(nonce, code, false, previous);
  }

  /**
   * A browser callback's code. The state is consumed before the code is sent anywhere, so a
   * replayed callback is refused without an upstream call (SEC-20).
   */
  LoginResult finishBrowserLogin(
      LoginState state, AuthorizationCode code, Optional<SessionToken> previous) {
    return finish(state, code, true, previous);
  }

  /** Each one-time value finishes only the kind of login it started. */
  private LoginResult finish(
      LoginState state,
      AuthorizationCode code,
      boolean browserLogin,
      Optional<SessionToken> previous) {
    Optional<PendingLogin> pending;
    try {
      pending = loginStates.consume(state, clock.instant());
    } catch (StoreUnavailableException e) {
      return new LoginResult.StoreUnavailable();
    }
    if (pending.isEmpty() || pending.get().isBrowserLogin() != browserLogin) {
      return new LoginResult.StateRejected();
    }
    PendingLogin login = pending.get();
    CodeGrant grant =
        login
            .verifier()
            .<CodeGrant>map(verifier -> new CodeGrant.FromBrowser(code, verifier))
            .orElseGet(() -> new CodeGrant.FromClient(code));
    return logIn(grant, login.returnPath(), previous);
  }

  private LoginResult logIn(
      CodeGrant grant, ReturnPath returnPath, Optional<SessionToken> previous) {
    VerifiedIdentity verified;
    try {
      verified = identityLookup.identify(grant);
    } catch (CodeRefusedException e) {
      return new LoginResult.CodeRefused();
    } catch (UserNotAllowedException e) {
      return new LoginResult.UserNotAllowed(e.getMessage());
    } catch (AuthCenterUnavailableException e) {
      return new LoginResult.AuthCenterUnavailable(e.retryAfter());
    } catch (AuthCenterMisconfiguredException e) {
      return new LoginResult.Misconfigured(e.getMessage());
    }
    if (!tenants.allows(verified.identity().tenantKey())) {
      return new LoginResult.TenantNotAllowed();
    }
    try {
      Instant now = clock.instant();
      User user = users.recordLogin(verified.identity(), verified.profile(), now);
      // SEC-03: the session the browser had before is over; the login gets a fresh id.
      previous.ifPresent(token -> sessions.delete(token.hash()));
      SessionToken token = SessionToken.generate(random);
      Session session = Session.start(token.hash(), user.id(), now, policy);
      sessions.save(session, session.keepUntil(policy));
      return new LoginResult.LoggedIn(user, token, returnPath);
    } catch (StoreUnavailableException e) {
      return new LoginResult.StoreUnavailable();
    }
  }
}
