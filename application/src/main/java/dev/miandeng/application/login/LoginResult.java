package dev.miandeng.application.login;

import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Every way a login can end. Callers switch over it; the compiler checks they miss no case. */
public sealed interface LoginResult {

  /** A new session was opened; {@code token} goes into the cookie and nowhere else. */
  record LoggedIn(User user, SessionToken token, ReturnPath returnPath) implements LoginResult {
    public LoggedIn {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(returnPath, "returnPath");
    }
  }

  /** The one-time state or nonce was missing, wrong, used or expired (SEC-14, SEC-17). */
  record StateRejected() implements LoginResult {}

  /** The code was unknown, used or expired: the page should ask for a fresh one. */
  record CodeRefused() implements LoginResult {}

  /** The identity provider says this person may not use the app. */
  record UserNotAllowed(String reason) implements LoginResult {}

  /** The person's organisation is not on the allow-list (SEC-22). */
  record TenantNotAllowed() implements LoginResult {}

  /** The identity provider is down or rate limiting; try again later. */
  record AuthCenterUnavailable(Optional<Duration> retryAfter) implements LoginResult {}

  /** The app's own settings are wrong; {@code whatToFix} is for the operator. */
  record Misconfigured(String whatToFix) implements LoginResult {}

  /** Our store is down; try again later. */
  record StoreUnavailable() implements LoginResult {}
}
