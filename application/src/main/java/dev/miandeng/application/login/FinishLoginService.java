package dev.miandeng.application.login;

import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.identity.VerifiedIdentity;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way a login finishes: consume the one-time value that started it, exchange the code,
 * check the tenant, record the user, keep the OAuth grant when the exchange returned one, end the
 * old session and open a new one. Outages (auth center, store) and a misconfigured auth center pass
 * through as the ports' exceptions.
 */
public final class FinishLoginService implements FinishLoginUseCase {

  private final IdentityLookup identityLookup;
  private final Users users;
  private final Sessions sessions;
  private final LoginStates loginStates;
  private final TenantAllowList tenants;
  private final SessionPolicy policy;
  private final Clock clock;
  private final SecureRandom random;
  private final UserTokens userTokens;

  public FinishLoginService(
      IdentityLookup identityLookup,
      Users users,
      Sessions sessions,
      LoginStates loginStates,
      TenantAllowList tenants,
      SessionPolicy policy,
      Clock clock,
      SecureRandom random,
      UserTokens userTokens) {
    this.identityLookup = Objects.requireNonNull(identityLookup, "identityLookup");
    this.users = Objects.requireNonNull(users, "users");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.userTokens = Objects.requireNonNull(userTokens, "userTokens");
  }

  @Override
  public LoginResult finish(Command command) {
    Optional<PendingLogin> pending =
        command.oneTimeValue().flatMap(value -> loginStates.consume(value, clock.instant()));
    boolean browser = command.kind() == Kind.BROWSER;
    if (pending.isEmpty() || pending.get().isBrowserLogin() != browser) {
      return new LoginResult.StateRejected();
    }
    PendingLogin login = pending.get();
    CodeGrant grant =
        login
            .verifier()
            .<CodeGrant>map(verifier -> new CodeGrant.FromBrowser(command.code(), verifier))
            .orElseGet(() -> new CodeGrant.FromClient(command.code()));
    VerifiedIdentity verified;
    try {
      verified = identityLookup.identify(grant);
    } catch (CodeRefusedException e) {
      return new LoginResult.CodeRefused();
    } catch (UserNotAllowedException e) {
      return new LoginResult.UserNotAllowed(e.getMessage());
    }
    if (!tenants.allows(verified.identity().tenantKey())) {
      return new LoginResult.TenantNotAllowed();
    }
    Instant now = clock.instant();
    User user = users.recordLogin(verified.identity(), verified.profile(), now);
    // A login without offline_access leaves an earlier grant alone: it may still be refreshed.
    verified.grant().ifPresent(kept -> userTokens.save(user.id(), kept));
    // SEC-03: the session the browser had before is over; the login gets a fresh id.
    command.previousSession().ifPresent(token -> sessions.delete(token.hash()));
    SessionToken token = SessionToken.generate(random);
    Session session = Session.start(token.hash(), user.id(), now, policy);
    sessions.save(session, session.keepUntil(policy));
    return new LoginResult.LoggedIn(user, token, login.returnPath());
  }
}
