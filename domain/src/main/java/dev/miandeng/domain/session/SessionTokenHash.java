package dev.miandeng.domain.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SHA-256 of a session token, lowercase hex: what the store keeps instead of the token (SEC-12). A
 * leaked table therefore yields no usable cookie. A plain hash suffices (no salt, no stretching)
 * because the token has 256 bits of entropy: there is nothing to guess.
 */
public record SessionTokenHash(String hex) {

  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{64}");

  public SessionTokenHash {
    Objects.requireNonNull(hex, "hex");
    if (!SHAPE.matcher(hex).matches()) {
      throw new IllegalArgumentException("a session token hash is 64 lowercase hex digits");
    }
  }

  static SessionTokenHash of(byte[] token) {
    try {
      return new SessionTokenHash(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
