package dev.miandeng.adapter.web;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the adapter refuses with a known status and error code. Guards and handlers throw it;
 * {@link ErrorResponses} turns it into the one JSON error shape (or an HTML page) in one place.
 */
final class RequestRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Optional<Duration> retryAfter;

  RequestRejectedException(int status, String code, String message) {
    this(status, code, message, Optional.empty());
  }

  RequestRejectedException(int status, String code, String message, Optional<Duration> retryAfter) {
    // No stack trace: this is an expected answer, not a fault, and it is thrown on hot paths.
    super(message, null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
