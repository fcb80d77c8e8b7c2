package dev.miandeng.adapter.web;

import dev.miandeng.application.login.LoginResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every refused login into the status, code and sentence of docs/web-api.md. The switches
 * have no default, so a new refusal fails the compile here until it is given an answer. Outages are
 * not refusals: {@link Outages} answers them.
 */
final class LoginFailures {

  private static final Logger LOG = LoggerFactory.getLogger(LoginFailures.class);

  private LoginFailures() {}

  static RequestRejectedException of(LoginResult.Refused refused) {
    return switch (refused) {
      case LoginResult.StateRejected rejected ->
          new RequestRejectedException(
              400,
              "login_state_invalid",
              "This login attempt has expired or was already used. Please start again.");
      case LoginResult.CodeRefused codeRefused ->
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
    };
  }

  /** The name of a refusal for the security log. */
  static String outcome(LoginResult.Refused refused) {
    return switch (refused) {
      case LoginResult.StateRejected rejected -> "state_rejected";
      case LoginResult.CodeRefused codeRefused -> "code_refused";
      case LoginResult.UserNotAllowed notAllowed -> "user_not_allowed";
      case LoginResult.TenantNotAllowed notAllowed -> "tenant_not_allowed";
    };
  }
}
