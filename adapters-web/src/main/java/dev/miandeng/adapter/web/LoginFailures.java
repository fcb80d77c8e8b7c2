package dev.miandeng.adapter.web;

import dev.miandeng.application.login.LoginResult;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every unhappy {@link LoginResult} into the status, code and sentence of WEB-API.md. The
 * switch has no default, so a new result case fails the compile here until it is given an answer.
 */
final class LoginFailures {

  private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);

  private final Duration defaultRetryAfter;

  LoginFailures(Duration defaultRetryAfter) {
    this.defaultRetryAfter = defaultRetryAfter;
  }

  /** The refusal for a login that did not succeed; a success here is a programming error. */
  RequestRejectedException of(LoginResult result) {
    return switch (result) {
      case LoginResult.LoggedIn loggedIn ->
          throw new IllegalArgumentException("a successful login is no failure");
      case LoginResult.StateRejected rejected ->
          new RequestRejectedException(
              400,
              "login_state_invalid",
              "This login attempt has expired or was already used. Please start again.");
      case LoginResult.CodeRefused refused ->
          new RequestRejectedException(
              401, "code_refused", "The login code was not accepted. Please try again.");
      case LoginResult.UserNotAllowed notAllowed -> {
        LOG.info("login refused by the identity provider: {}", notAllowed.reason());
        yield new RequestRejectedException(
            403, "user_not_allowed", "Your account may not use this app. Ask your administrator.");
      }
      case LoginResult.TenantNotAllowed notAllowed ->
          new RequestRejectedException(
              403, "tenant_not_allowed", "Your organisation may not use this app.");
      case LoginResult.AuthCenterUnavailable unavailable ->
          new RequestRejectedException(
              503,
              "auth_center_unavailable",
              "Feishu cannot be reached right now. Please try again shortly.",
              Optional.of(unavailable.retryAfter().orElse(defaultRetryAfter)));
      case LoginResult.Misconfigured misconfigured -> {
        // The operator needs the details; the browser gets none of them.
        LOG.error("login failed, the app is misconfigured: {}", misconfigured.whatToFix());
        yield new RequestRejectedException(
            500,
            "server_misconfigured",
            "The app's Feishu settings are wrong. The operator has been told what to fix.");
      }
      case LoginResult.StoreUnavailable unavailable -> storeUnavailable();
    };
  }

  RequestRejectedException storeUnavailable() {
    return new RequestRejectedException(
        503,
        "store_unavailable",
        "The app cannot reach its storage right now. Please try again shortly.",
        Optional.of(defaultRetryAfter));
  }

  /** The name of a result for the security log. */
  static String outcome(LoginResult result) {
    return switch (result) {
      case LoginResult.LoggedIn loggedIn -> "ok";
      case LoginResult.StateRejected rejected -> "state_rejected";
      case LoginResult.CodeRefused refused -> "code_refused";
      case LoginResult.UserNotAllowed notAllowed -> "user_not_allowed";
      case LoginResult.TenantNotAllowed notAllowed -> "tenant_not_allowed";
      case LoginResult.AuthCenterUnavailable unavailable -> "auth_center_unavailable";
      case LoginResult.Misconfigured misconfigured -> "server_misconfigured";
      case LoginResult.StoreUnavailable unavailable -> "store_unavailable";
    };
  }
}
