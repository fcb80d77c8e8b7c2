package dev.miandeng.simulator;

/**
 * What the next {@code count} calls of an endpoint answer instead of the real thing.
 *
 * @param count how many calls fail (at least 1)
 * @param httpStatus the HTTP status; 0 drops the connection without answering
 * @param code the business {@code code} in the body
 * @param msg the message; null = a standard one for the code
 * @param retryAfterSeconds when not null, sent as {@code x-ogw-ratelimit-reset}
 */
public record InjectedFailure(
    int count, int httpStatus, int code, String msg, Integer retryAfterSeconds) {

  /** HTTP status meaning "close the connection without answering". */
  public static final int DROP_CONNECTION = 0;

  public InjectedFailure {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    if (httpStatus != DROP_CONNECTION && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException("httpStatus out of range: " + httpStatus);
    }
  }

  InjectedFailure oneLess() {
    return new InjectedFailure(count - 1, httpStatus, code, msg, retryAfterSeconds);
  }
}
