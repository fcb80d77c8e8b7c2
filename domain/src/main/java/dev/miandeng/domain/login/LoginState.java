package dev.miandeng.domain.login;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A one-time value that ties a login's end to its start: the OAuth {@code state} of a browser
 * login, or the nonce a page must send back with a client code. 256 random bits, base64url (SEC-14,
 * SEC-17).
 */
public record LoginState(String value) {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  public LoginState {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a login state is 43 base64url characters");
    }
  }

  public static LoginState generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new LoginState(BASE64URL.encodeToString(bytes));
  }

  /** Reads a state from untrusted input; anything of the wrong shape is no state at all. */
  public static Optional<LoginState> parse(String raw) {
    return raw != null && SHAPE.matcher(raw).matches()
        ? Optional.of(new LoginState(raw))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "LoginState[***]";
  }
}
