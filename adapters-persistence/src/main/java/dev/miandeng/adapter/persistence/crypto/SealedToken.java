package dev.miandeng.adapter.persistence.crypto;

import java.util.Objects;

/**
 * A token as stored: the id of the key that sealed it and {@code base64(iv ‖ ciphertext ‖ tag)}.
 *
 * @param keyId the key's id in the {@link TokenKeyRing}
 * @param text the 12-byte IV, the AES-GCM ciphertext and its 16-byte tag, in standard base64
 */
public record SealedToken(String keyId, String text) {

  public SealedToken {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(text, "text");
  }
}
