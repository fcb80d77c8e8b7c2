package dev.miandeng.domain.login;

import dev.miandeng.domain.identity.PkceVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A login that has started and not finished: the state to expect back, and what to do then.
 *
 * @param state the one-time value the finishing request must bring
 * @param verifier the PKCE verifier of a browser login; empty for a login from the Feishu client
 * @param returnPath where the browser goes once logged in
 * @param expiresAt after this the login can no longer finish (SEC-17: at most 10 minutes)
 */
public record PendingLogin(
    LoginState state, Optional<PkceVerifier> verifier, ReturnPath returnPath, Instant expiresAt) {

  /** The longest a pending login may live (SEC-17). */
  public static final Duration MAX_TTL = Duration.ofMinutes(10);

  public PendingLogin {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(returnPath, "returnPath");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public static PendingLogin browser(
      LoginState state, PkceVerifier verifier, ReturnPath returnPath, Instant now, Duration ttl) {
    return new PendingLogin(state, Optional.of(verifier), returnPath, now.plus(cap(ttl)));
  }

  public static PendingLogin client(LoginState state, Instant now, Duration ttl) {
    return new PendingLogin(state, Optional.empty(), ReturnPath.HOME, now.plus(cap(ttl)));
  }

  public boolean isBrowserLogin() {
    return verifier.isPresent();
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  private static Duration cap(Duration ttl) {
    if (ttl.isZero() || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException(
          "a pending login lives more than 0 and at most 10 minutes");
    }
    return ttl;
  }
}
