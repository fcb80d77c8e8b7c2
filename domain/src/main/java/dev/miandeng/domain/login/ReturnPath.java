package dev.miandeng.domain.login;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where to send the browser after a login: only a same-origin relative path (SEC-21). Anything that
 * a browser could read as another origin ({@code //evil}, {@code /\evil}, {@code https:evil}, an
 * encoded {@code %2F%2Fevil}, {@code javascript:}, CR/LF) is replaced by the home page.
 */
public record ReturnPath(String value) {

  private static final int MAX_LENGTH = 1024;

  /**
   * One leading slash, then no second slash or backslash right after it; printable ASCII only, and
   * no backslash anywhere (browsers treat it as a slash). Percent-encoding is allowed after the
   * first character: the browser does not decode it before resolving the origin.
   */
  private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[\\x21-\\x7E&&[^\\\\]]*");

  /** Declared after the pattern it is checked against: static fields initialise in order. */
  public static final ReturnPath HOME = new ReturnPath("/");

  public ReturnPath {
    Objects.requireNonNull(value, "value");
    if (!isSafe(value)) {
      throw new IllegalArgumentException("a return path is a same-origin relative path");
    }
  }

  /** Parses untrusted input; anything unsafe, blank or absent becomes {@link #HOME}. */
  public static ReturnPath parseOrHome(String raw) {
    return raw != null && isSafe(raw) ? new ReturnPath(raw) : HOME;
  }

  private static boolean isSafe(String value) {
    return value.length() <= MAX_LENGTH && SAFE.matcher(value).matches();
  }
}
