package dev.miandeng.domain.session;

import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the open sessions, keyed by token hash. All methods may throw {@link
 * dev.miandeng.domain.store.StoreUnavailableException}.
 *
 * <p>A store keeps, finds and deletes; it never judges. Whether a session is still good is decided
 * by {@link Session#standingAt}; the store only gets, with every write, the instant until which it
 * must keep the session ({@link Session#keepUntil}), and may drop it from then on (a sweep, a TTL).
 * It must never return a session that was deleted on the same instance.
 *
 * <p>A store may serve {@link #find} from a per-instance cache. Then: a delete on this instance
 * takes effect at once for every later read; other instances' caches may answer {@link #find} with
 * the old copy for at most their cache lifetime (REL-13), {@link #findFresh} never.
 */
public interface Sessions {

  /**
   * Stores a new session, to be kept at least until {@code keepUntil} (at most the session's {@code
   * expiresAt}).
   */
  void save(Session session, Instant keepUntil);

  /**
   * The stored session, if any; it may come from a cache, so it may be a few seconds old, and may
   * be expired: the caller decides with {@link Session#standingAt}.
   */
  Optional<Session> find(SessionTokenHash id);

  /**
   * The stored session as the shared store holds it now, bypassing any cache (and refreshing it). A
   * store without a cache may answer as {@link #find}. For a cached copy that the core would end or
   * write to: another instance may have touched it since.
   */
  Optional<Session> findFresh(SessionTokenHash id);

  /**
   * Records a use at {@code lastSeenAt} and moves the keep-until with it. Forward only: a touch
   * older than the stored one changes nothing. A no-op when the session no longer exists.
   */
  void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil);

  /** Ends one session (logout, SEC-09); a no-op when it does not exist. */
  void delete(SessionTokenHash id);

  /** Ends every session of a user ("log out everywhere", revocation: SEC-10); returns how many. */
  int deleteAllOf(UserId userId);

  /**
   * Removes the sessions whose keep-until is at or before {@code now}; returns how many. A
   * housekeeping sweep: correctness never depends on it having run.
   */
  int deleteExpired(Instant now);
}
