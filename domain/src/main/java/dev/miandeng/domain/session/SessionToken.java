package dev.miandeng.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret a browser holds for its session: 256 bits from {@link SecureRandom}, base64url, 43
 * characters (SEC-01). Only its {@link #hash()} is stored or compared (SEC-12); the raw value never
 * leaves the cookie and is never printed.
 */
public record SessionToken(String value) {

  private static final int BYTES = 32;
  private static final int LENGTH = 43;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public SessionToken {
    Objects.requireNonNull(value, "value");
    if (!hasShape(value)) {
      throw new IllegalArgumentException("a session token is 43 base64url characters");
    }
  }

  public static SessionToken generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return new SessionToken(BASE64URL.encodeToString(bytes));
  }

  /**
   * Reads a token from untrusted input (a cookie). Anything that is not exactly a token's shape is
   * no token at all, so a malformed cookie makes a request anonymous and never an error (SEC-11).
   */
  public static Optional<SessionToken> parse(String raw) {
    if (raw == null || !hasShape(raw)) {
      return Optional.empty();
    }
    return Optional.of(new SessionToken(raw));
  }

  /** Which ASCII characters base64url uses; every other character is refused. */
  private static final boolean[] ALPHABET = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      ALPHABET[c] = true;
      ALPHABET[Character.toLowerCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ALPHABET[c] = true;
    }
    ALPHABET['-'] = true;
    ALPHABET['_'] = true;
  }

  /**
   * Exactly 43 base64url characters. A table lookup per character rather than a regex: every
   * authenticated request parses its cookie here (twice: {@link #parse} and the constructor), and
   * the regex match cost more than the rest of the request's session lookup (issue 13, item 2).
   */
  private static boolean hasShape(String raw) {
    if (raw.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = raw.charAt(i);
      if (c >= ALPHABET.length || !ALPHABET[c]) {
        return false;
      }
    }
    return true;
  }

  public SessionTokenHash hash() {
    return SessionTokenHash.of(value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "SessionToken[***]";
  }
}
