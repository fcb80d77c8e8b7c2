package dev.miandeng.domain.session;

import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser, known by the hash of its token only.
 *
 * @param id hash of the session token
 * @param userId whose session it is
 * @param createdAt when the login happened
 * @param lastSeenAt the last recorded use; written at most once per policy interval (REL-09)
 * @param expiresAt the absolute end, fixed at login (SEC-08)
 */
public record Session(
    SessionTokenHash id, UserId userId, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {

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

  /** A fresh session for a login at {@code now}. */
  public static Session start(
      SessionTokenHash id, UserId userId, Instant now, SessionPolicy policy) {
    return new Session(id, userId, now, now, now.plus(policy.absoluteLifetime()));
  }

  /**
   * Valid while neither the idle timeout (SEC-07) nor the absolute lifetime (SEC-08) has passed.
   */
  public boolean isValidAt(Instant now, SessionPolicy policy) {
    return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(policy.idleTimeout()));
  }

  /** Whether a use at {@code now} should be written down, or is close enough to the last one. */
  public boolean needsTouchAt(Instant now, SessionPolicy policy) {
    return !now.isBefore(lastSeenAt.plus(policy.lastSeenWriteInterval()));
  }

  public Session touchedAt(Instant now) {
    return new Session(id, userId, createdAt, now, expiresAt);
  }
}
