package dev.miandeng.adapter.feishu;

import feign.FeignException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Feishu answered, and the answer is a failure: a body {@code code != 0} (whatever the HTTP status)
 * or an HTTP error without a readable body. Internal to the adapter: {@link FeishuFailures} turns
 * it into one of the port's exceptions. It extends {@link FeignException} only so that Feign passes
 * it through its decoders unwrapped.
 */
final class FeishuApiFailure extends FeignException {

  private static final long serialVersionUID = 1L;

  /** Feishu's descriptions are short; anything longer is not worth a log line. */
  private static final int MAX_TEXT = 200;

  private final int httpStatus;
  private final OptionalInt code;
  private final String error;
  private final transient Optional<Duration> retryAfter;
  private final String msg;
  private final transient Set<String> permissionViolations;

  FeishuApiFailure(
      int httpStatus, OptionalInt code, String msg, String error, Optional<Duration> retryAfter) {
    this(httpStatus, code, msg, error, retryAfter, Set.of());
  }

  FeishuApiFailure(
      int httpStatus,
      OptionalInt code,
      String msg,
      String error,
      Optional<Duration> retryAfter,
      Set<String> permissionViolations) {
    super(httpStatus, describe(httpStatus, code, msg, error));
    this.httpStatus = httpStatus;
    this.code = code;
    this.error = error == null ? "" : error;
    this.retryAfter = retryAfter;
    this.msg = msg == null ? "" : msg;
    this.permissionViolations = Set.copyOf(permissionViolations);
  }

  int httpStatus() {
    return httpStatus;
  }

  /** Feishu's business code, absent when the body was not Feishu JSON (a proxy's error page). */
  OptionalInt code() {
    return code;
  }

  /** The OAuth {@code error} field of v2 replies ({@code invalid_grant}, ...), or empty. */
  String error() {
    return error;
  }

  /** Feishu's {@code msg} (or {@code error_description}), or empty. */
  String msg() {
    return msg;
  }

  /**
   * The {@code subject} of each entry of the body's {@code error.permission_violations} (OpenAPI
   * error shape of the official SDKs, e.g. oapi-sdk-go {@code CodeError}): with 99991679, the
   * scopes any one of which the call needs. Empty when the body has none.
   */
  Set<String> permissionViolations() {
    return permissionViolations;
  }

  /** From {@code x-ogw-ratelimit-reset}, when Feishu said how long to wait. */
  Optional<Duration> retryAfter() {
    return retryAfter;
  }

  boolean hasCode(int expected) {
    return code.isPresent() && code.getAsInt() == expected;
  }

  private static String describe(int status, OptionalInt code, String msg, String error) {
    StringBuilder text = new StringBuilder("Feishu answered HTTP ").append(status);
    code.ifPresent(c -> text.append(" code ").append(c));
    if (error != null && !error.isEmpty()) {
      text.append(" ").append(clip(error));
    }
    if (msg != null && !msg.isEmpty()) {
      text.append(": ").append(clip(msg));
    }
    return text.toString();
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
  }
}
