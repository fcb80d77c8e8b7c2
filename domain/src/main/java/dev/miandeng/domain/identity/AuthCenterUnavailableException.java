package dev.miandeng.domain.identity;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The identity provider could not answer: unreachable, timed out, failing, or rate limiting us. The
 * caller may try again later, after {@link #retryAfter()} when the provider said how long.
 */
public final class AuthCenterUnavailableException extends IdentityLookupException {

  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  public AuthCenterUnavailableException(
      String message, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public AuthCenterUnavailableException(String message, Throwable cause) {
    this(message, Optional.empty(), cause);
  }

  /** How long the provider asked us to wait, when it said (rate limiting). */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
