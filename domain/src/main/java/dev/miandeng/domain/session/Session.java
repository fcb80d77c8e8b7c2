package dev.miandeng.domain.session;

import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser, known by the hash of its token only. Whether it is still good is decided
 * here, and only here, from a {@link SessionPolicy}: {@link #standingAt} for a request, {@link
 * #keepUntil} for the store. Stores never judge a session; they keep it until the instant they are
 * given.
 *
 * @param id hash of the session token
 * @param userId whose session it is
 * @param createdAt when the login happened
 * @param lastSeenAt the last recorded use; written at most once per policy interval (REL-09)
 * @param expiresAt the absolute end, fixed at login (SEC-08)
 */
public record Session(
    SessionTokenHash id, UserId userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

  /** What a request at some instant may do with a session. */
  public enum Standing {
    /** In use, and "last seen" was written recently enough (REL-09): nothing to write. */
    VALID,
    /** In use, and "last seen" is due to be written (REL-09). */
    NEEDS_TOUCH,
    /** Over: idle too long (SEC-07) or past its absolute end (SEC-08). */
    EXPIRED
  }

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (lastSeenAt.isBefore(createdAt) || !expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException(
          "a session must satisfy created <= lastSeen, created < expires");
    }
  }

  /** A fresh session for a login at {@code now}: it ends {@code absoluteLifetime} later. */
  public static Session start(
      SessionTokenHash id, UserId userId, Instant now, SessionPolicy policy) {
    return new Session(id, userId, now, now, now.plus(policy.absoluteLifetime()));
  }

  /**
   * The instant this session ends unless it is used again: the earlier of its absolute end (SEC-08)
   * and {@code lastSeenAt} plus the idle timeout (SEC-07). Never after {@link #expiresAt}. A store
   * is given it with every write and may drop the session from then on.
   */
  public Instant keepUntil(SessionPolicy policy) {
    Instant idleEnd = lastSeenAt.plus(policy.idleTimeout());
    return idleEnd.isBefore(expiresAt) ? idleEnd : expiresAt;
  }

  /**
   * Expired from {@link #keepUntil} on (SEC-07, SEC-08); else due a "last seen" write once {@code
   * lastSeenWriteInterval} has passed since the last one (REL-09); else valid.
   */
  public Standing standingAt(Instant now, SessionPolicy policy) {
    if (!now.isBefore(keepUntil(policy))) {
      return Standing.EXPIRED;
    }
    if (!now.isBefore(lastSeenAt.plus(policy.lastSeenWriteInterval()))) {
      return Standing.NEEDS_TOUCH;
    }
    return Standing.VALID;
  }

  public Session touchedAt(Instant now) {
    return new Session(id, userId, createdAt, now, expiresAt);
  }
}
