package dev.miandeng.domain.session;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of a session token, lowercase hex: what the store keeps instead of the token (SEC-12). A
 * leaked table therefore yields no usable cookie. A plain hash suffices (no salt, no stretching)
 * because the token has 256 bits of entropy: there is nothing to guess.
 */
public record SessionTokenHash(String hex) {

  private static final int LENGTH = 64;
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Never used itself, only cloned: a clone skips the provider lookup of {@link
   * MessageDigest#getInstance} that every authenticated request would otherwise pay, and needs no
   * per-thread state (requests run on short-lived virtual threads). Cloning only reads the
   * prototype, so sharing it between threads is safe.
   */
  private static final MessageDigest SHA_256 = sha256();

  public SessionTokenHash {
    Objects.requireNonNull(hex, "hex");
    if (!hasShape(hex)) {
      throw new IllegalArgumentException("a session token hash is 64 lowercase hex digits");
    }
  }

  static SessionTokenHash of(byte[] token) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      digest = sha256();
    }
    return new SessionTokenHash(HEX.formatHex(digest.digest(token)));
  }

  /** 64 lowercase hex digits; a loop, not a regex: every authenticated request builds one. */
  private static boolean hasShape(String hex) {
    if (hex.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
