package dev.miandeng.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: the durations only. {@link Session#standingAt} and {@link
 * Session#keepUntil} apply them; the stores never see a policy, only the keep-until instants
 * computed from it.
 *
 * @param idleTimeout a session unused this long is over (SEC-07)
 * @param absoluteLifetime a session this old is over however busy it is (SEC-08)
 * @param lastSeenWriteInterval "last seen" is written at most once per this interval (REL-09)
 */
public record SessionPolicy(
    Duration idleTimeout, Duration absoluteLifetime, Duration lastSeenWriteInterval) {

  public static final SessionPolicy DEFAULT =
      new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(60));

  public SessionPolicy {
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(absoluteLifetime, "absoluteLifetime");
    Objects.requireNonNull(lastSeenWriteInterval, "lastSeenWriteInterval");
    if (lastSeenWriteInterval.isNegative()) {
      throw new IllegalArgumentException("lastSeenWriteInterval must not be negative");
    }
    if (lastSeenWriteInterval.compareTo(idleTimeout) >= 0) {
      throw new IllegalArgumentException(
          "lastSeenWriteInterval must be shorter than idleTimeout, or busy sessions would expire");
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
