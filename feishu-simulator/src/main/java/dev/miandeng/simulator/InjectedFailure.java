package dev.miandeng.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the next {@code count} calls of an endpoint answer instead of the real thing.
 *
 * @param count how many calls fail (at least 1)
 * @param httpStatus the HTTP status; 0 drops the connection without answering
 * @param code the business {@code code} in the body (ignored by the bodiless behaviours)
 * @param msg the message; null = a standard one for the code
 * @param retryAfterSeconds when not null, sent as {@code x-ogw-ratelimit-reset}
 * @param behaviour how the failure is played (see {@link Behaviour})
 * @param amount milliseconds for {@link Behaviour#STALL_AFTER_HEADERS}, bytes for {@link
 *     Behaviour#OVERSIZE_BODY}, 0 otherwise
 */
public record InjectedFailure(
    int count,
    int httpStatus,
    int code,
    String msg,
    Integer retryAfterSeconds,
    Behaviour behaviour,
    long amount) {

  /** HTTP status meaning "close the connection without answering". */
  public static final int DROP_CONNECTION = 0;

  /** A stall longer than this would only hang the test suite that asked for it. */
  public static final Duration MAX_STALL = Duration.ofMinutes(2);

  /** Enough to prove any sane reply cap, small enough to stream over loopback. */
  public static final long MAX_OVERSIZE_BYTES = 1L << 30;

  /** How an injected failure is played. */
  public enum Behaviour {
    /** {@code httpStatus} with a Feishu error body {code, msg} (OAuth shape on oauth_token). */
    ANSWER("answer"),
    /** The connection is closed before any answer. */
    DROP("drop"),
    /** {@code httpStatus} with a plain-text body and no Feishu code, as a gateway sends. */
    BARE_STATUS("bare"),
    /** HTTP 200 headers, then nothing for {@code amount} ms, then the connection is closed. */
    STALL_AFTER_HEADERS("stall"),
    /** HTTP 200 with a well-formed JSON success body of {@code amount} bytes, streamed. */
    OVERSIZE_BODY("oversize");

    private final String wireName;

    Behaviour(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Behaviour fromWireName(String name) {
      for (Behaviour behaviour : values()) {
        if (behaviour.wireName.equals(name)) {
          return behaviour;
        }
      }
      throw new IllegalArgumentException("unknown mode: " + name);
    }
  }

  public InjectedFailure {
    Objects.requireNonNull(behaviour, "behaviour");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    if (httpStatus != DROP_CONNECTION && (httpStatus < 100 || httpStatus > 599)) {
      throw new IllegalArgumentException("httpStatus out of range: " + httpStatus);
    }
    if ((httpStatus == DROP_CONNECTION) != (behaviour == Behaviour.DROP)) {
      throw new IllegalArgumentException("httpStatus 0 and mode drop go together");
    }
    if (behaviour == Behaviour.STALL_AFTER_HEADERS
        && (amount < 1 || amount > MAX_STALL.toMillis())) {
      throw new IllegalArgumentException("stallMillis must be 1.." + MAX_STALL.toMillis());
    }
    if (behaviour == Behaviour.OVERSIZE_BODY && (amount < 1 || amount > MAX_OVERSIZE_BYTES)) {
      throw new IllegalArgumentException("bytes must be 1.." + MAX_OVERSIZE_BYTES);
    }
  }

  /** A Feishu error body {code, msg} with {@code httpStatus}; status 0 drops the connection. */
  public InjectedFailure(
      int count, int httpStatus, int code, String msg, Integer retryAfterSeconds) {
    this(
        count,
        httpStatus,
        code,
        msg,
        retryAfterSeconds,
        httpStatus == DROP_CONNECTION ? Behaviour.DROP : Behaviour.ANSWER,
        0);
  }

  /** {@code httpStatus} (e.g. a gateway's 502) with no Feishu body at all. */
  public static InjectedFailure bareStatus(int count, int httpStatus) {
    return new InjectedFailure(count, httpStatus, 0, null, null, Behaviour.BARE_STATUS, 0);
  }

  /** HTTP 200 headers, then silence for {@code stall}, then the connection closes. */
  public static InjectedFailure stallAfterHeaders(int count, Duration stall) {
    return new InjectedFailure(
        count, 200, 0, null, null, Behaviour.STALL_AFTER_HEADERS, stall.toMillis());
  }

  /** HTTP 200 with a valid JSON success body {@code bytes} long. */
  public static InjectedFailure oversizeBody(int count, long bytes) {
    return new InjectedFailure(count, 200, 0, null, null, Behaviour.OVERSIZE_BODY, bytes);
  }

  InjectedFailure oneLess() {
    return new InjectedFailure(
        count - 1, httpStatus, code, msg, retryAfterSeconds, behaviour, amount);
  }
}
