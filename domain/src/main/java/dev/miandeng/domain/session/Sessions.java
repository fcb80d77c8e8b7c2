package dev.miandeng.domain.session;

import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the open sessions, keyed by token hash. All methods may throw {@link
 * dev.miandeng.domain.store.StoreUnavailableException}. Expiry rules live in {@link Session}; a
 * store may drop expired rows at any time, and must never return a session that was deleted.
 */
public interface Sessions {

  void save(Session session);

  /** The stored session, if any. It may be expired: the caller checks {@link Session#isValidAt}. */
  Optional<Session> find(SessionTokenHash id);

  /** Records a use. A no-op when the session no longer exists. */
  void touch(SessionTokenHash id, Instant lastSeenAt);

  void delete(SessionTokenHash id);

  /** Ends every session of a user ("log out everywhere", revocation: SEC-10). */
  int deleteAllOf(UserId userId);

  /**
   * Removes the sessions that are over at {@code now} under {@code policy}; returns how many. A
   * housekeeping sweep: correctness never depends on it having run.
   */
  int deleteExpired(Instant now, SessionPolicy policy);
}
