package dev.miandeng.application.login;

import dev.miandeng.domain.login.ReturnPath;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import java.util.Objects;

/**
 * Every business outcome of a login: a session, or one of the refusals. Callers switch over it; the
 * compiler checks they miss no case. Outages are not outcomes: they are the ports' exceptions.
 */
public sealed interface LoginResult {

  /** A new session was opened; {@code token} goes into the cookie and nowhere else. */
  record LoggedIn(User user, SessionToken token, ReturnPath returnPath) implements LoginResult {
    public LoggedIn {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(returnPath, "returnPath");
    }
  }

  /** No session: the login was refused, for one of the reasons below. */
  sealed interface Refused extends LoginResult {}

  /** The one-time state or nonce was missing, wrong, used or expired (SEC-14, SEC-17). */
  record StateRejected() implements Refused {}

  /** The code was unknown, used or expired: the page should ask for a fresh one. */
  record CodeRefused() implements Refused {}

  /** The identity provider says this person may not use the app. */
  record UserNotAllowed(String reason) implements Refused {}

  /** The person's organisation is not on the allow-list (SEC-22). */
  record TenantNotAllowed() implements Refused {}
}
