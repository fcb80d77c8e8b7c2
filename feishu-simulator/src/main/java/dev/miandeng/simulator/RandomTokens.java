package dev.miandeng.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable token and code strings in the shapes Feishu uses. */
final class RandomTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final String JWT_HEADER =
      URL.encodeToString(
          "{\"alg\":\"ES256\",\"kid\":\"simulator\",\"typ\":\"JWT\"}"
              .getBytes(StandardCharsets.UTF_8));

  private RandomTokens() {}

  /** {@code prefix} followed by {@code bytes} random bytes, URL-safe base64. */
  static String opaque(String prefix, int bytes) {
    return prefix + URL.encodeToString(randomBytes(bytes));
  }

  /**
   * A JWT-looking token of about 1.3 KB like the v2 endpoint's, so that an app storing tokens in
   * too small a column finds out against the simulator rather than in production.
   */
  static String jwtLike() {
    return JWT_HEADER
        + "."
        + URL.encodeToString(randomBytes(900))
        + "."
        + URL.encodeToString(randomBytes(64));
  }

  /**
   * A JWT-looking token of exactly {@code length} characters (0: {@link #jwtLike()}), for tokens of
   * several KB such as v3's JWT tenant tokens (brief §3.3a).
   */
  static String jwtLike(int length) {
    if (length == 0) {
      return jwtLike();
    }
    String signature = URL.encodeToString(randomBytes(64));
    int payload = length - JWT_HEADER.length() - signature.length() - 2;
    if (payload < 4) {
      throw new IllegalArgumentException("a JWT-like token needs at least 200 characters");
    }
    String body = URL.encodeToString(randomBytes(payload)).substring(0, payload);
    return JWT_HEADER + "." + body + "." + signature;
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
