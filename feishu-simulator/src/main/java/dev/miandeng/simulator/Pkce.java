package dev.miandeng.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7636 verification of a code_verifier against the challenge given at authorize. */
final class Pkce {
  static final String S256 = "S256";
  static final String PLAIN = "plain";

  private Pkce() {}

  static boolean matches(String challenge, String method, String verifier) {
    if (verifier == null || verifier.isEmpty()) {
      return false;
    }
    String expected = PLAIN.equals(method) ? verifier : s256(verifier);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        challenge.getBytes(StandardCharsets.US_ASCII));
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
