package dev.miandeng.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** The PKCE code verifier of RFC 7636 (SEC-18): 43–128 unreserved characters, kept server-side. */
public record PkceVerifier(String value) {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public PkceVerifier {
    Objects.requireNonNull(value, "verifier");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a PKCE verifier is 43-128 unreserved characters");
    }
  }

  /** 256 random bits, base64url: 43 characters. */
  public static PkceVerifier generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new PkceVerifier(BASE64URL.encodeToString(bytes));
  }

  /** The S256 challenge: base64url(SHA-256(verifier)). */
  public String s256Challenge() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "PkceVerifier[***]";
  }
}
