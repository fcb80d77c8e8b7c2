package dev.miandeng.domain.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/** A one-time authorization code from the identity provider. Never printed: it is a credential. */
public record AuthorizationCode(String value) {

  /** Codes seen in practice are 32–64 characters; anything far longer is an attack or a bug. */
  public static final int MAX_LENGTH = 512;

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+");

  public AuthorizationCode {
    Objects.requireNonNull(value, "code");
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "an authorization code is 1-" + MAX_LENGTH + " characters of [A-Za-z0-9_-]");
    }
  }

  @Override
  public String toString() {
    return "AuthorizationCode[***]";
  }
}
