package dev.miandeng.adapter.persistence.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens tokens with AES-256-GCM (NIST SP 800-38D): a fresh random 96-bit IV for every
 * value (never reused under one key), a 128-bit tag, and a context bound as additional
 * authenticated data, so a sealed value moved to another user's row or another column fails to
 * open. Thread-safe.
 */
public final class TokenCipher {

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final TokenKeyRing keys;
  private final SecureRandom random;

  public TokenCipher(TokenKeyRing keys, SecureRandom random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Seals {@code plaintext} with the ring's current key.
   *
   * @param context what the value belongs to (e.g. the user id and the column); the same context
   *     must be given to {@link #open}
   */
  public SealedToken seal(String plaintext, String context) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.currentKey(), iv, context, utf8(plaintext));
    byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    return new SealedToken(keys.currentKeyId(), Base64.getEncoder().encodeToString(out));
  }

  /**
   * Opens a value sealed by {@link #seal} with the same {@code context}.
   *
   * @throws TokenUnreadableException when its key is not in the ring, or it fails the integrity
   *     check
   */
  public String open(SealedToken token, String context) throws TokenUnreadableException {
    SecretKey key =
        keys.key(token.keyId())
            .orElseThrow(
                () ->
                    new TokenUnreadableException(
                        "no key with id '" + token.keyId() + "' in the token key ring",
                        true,
                        null));
    byte[] in;
    try {
      in = Base64.getDecoder().decode(token.text());
    } catch (IllegalArgumentException e) {
      throw unreadable(token, null);
    }
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      throw unreadable(token, null);
    }
    ByteBuffer buffer = ByteBuffer.wrap(in);
    byte[] iv = new byte[IV_BYTES];
    buffer.get(iv);
    byte[] sealed = new byte[buffer.remaining()];
    buffer.get(sealed);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, context);
      return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw unreadable(token, e);
    }
  }

  private static TokenUnreadableException unreadable(SealedToken token, Throwable cause) {
    return new TokenUnreadableException(
        "a token sealed with key '" + token.keyId() + "' fails its integrity check", false, cause);
  }

  private static byte[] run(int mode, SecretKey key, byte[] iv, String context, byte[] input) {
    try {
      return cipher(mode, key, iv, context).doFinal(input);
    } catch (GeneralSecurityException e) {
      // Sealing cannot fail with a valid 256-bit key and a fresh IV: the JDK is broken.
      throw new IllegalStateException("AES-GCM is not usable in this JDK", e);
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] iv, String context)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(utf8(context));
    return cipher;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
