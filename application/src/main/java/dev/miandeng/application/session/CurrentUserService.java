package dev.miandeng.application.session;

import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.Session.Standing;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a session token to its user, ending it when {@link Session#standingAt} says it is over
 * (idle and absolute expiry, SEC-07, SEC-08) and writing "last seen" when it says one is due, so at
 * most once per interval (REL-09). The store only keeps what it is given; a copy that is not
 * plainly valid is re-read past any cache ({@link Sessions#findFresh}) before it is ended or
 * touched.
 *
 * <p>The tenant allow-list (SEC-22) is checked here too, not only at login: when an organisation is
 * taken off {@code MIANDENG_ALLOWED_TENANTS}, its people's existing sessions end at their next
 * request instead of living on for up to the absolute lifetime. The session is deleted, so putting
 * the tenant back does not revive it.
 */
public final class CurrentUserService implements CurrentUserUseCase {

  private final Sessions sessions;
  private final Users users;
  private final TenantAllowList tenants;
  private final SessionPolicy policy;
  private final Clock clock;

  public CurrentUserService(
      Sessions sessions, Users users, TenantAllowList tenants, SessionPolicy policy, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.users = Objects.requireNonNull(users, "users");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Result current(SessionToken token) {
    Instant now = clock.instant();
    // Hashed once: a SHA-256 is the costliest step of a cached lookup (issue 13, item 2).
    SessionTokenHash hash = token.hash();
    Optional<Session> found = sessions.find(hash);
    if (found.isPresent() && found.get().standingAt(now, policy) != Standing.VALID) {
      // The copy may be a cached one: another instance may have touched it since. Re-read it
      // before ending it or writing "last seen" again (REL-09).
      found = sessions.findFresh(hash);
    }
    if (found.isEmpty()) {
      return new Anonymous();
    }
    Session session = found.get();
    Standing standing = session.standingAt(now, policy);
    if (standing == Standing.EXPIRED) {
      sessions.delete(session.id());
      return new Anonymous();
    }
    Optional<User> user = users.findById(session.userId());
    if (user.isEmpty()) {
      return new Anonymous();
    }
    if (!tenants.allows(user.get().identity().tenantKey())) {
      sessions.delete(session.id());
      return new Anonymous();
    }
    if (standing == Standing.NEEDS_TOUCH) {
      Session touched = session.touchedAt(now);
      sessions.touch(session.id(), now, touched.keepUntil(policy));
    }
    return new Authenticated(user.get());
  }
}
