package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserNotAllowedException;
import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates whatever a Feishu call threw into the port's exceptions (facts page section 5), so no
 * Feign type crosses the port. Causes are kept only when they are plain JDK I/O exceptions.
 *
 * <p>An unknown code means "unavailable": Feishu adds codes, and a code we do not know is more
 * often a passing condition on their side than a setting the operator can fix; it is logged with
 * the code so that someone can add it to the table.
 */
final class FeishuFailures {

  private static final Logger LOG = LoggerFactory.getLogger(FeishuFailures.class);

  private static final String FRESH_CODE = "ask the page for a fresh code";

  private static final Map<Integer, String> CODE_REFUSED =
      Map.ofEntries(
          Map.entry(20003, "the code was not found; " + FRESH_CODE),
          Map.entry(20065, "the code was already used; " + FRESH_CODE),
          Map.entry(20004, "the code has expired; " + FRESH_CODE),
          Map.entry(20026, "the refresh token is invalid; the user must authorize again"),
          Map.entry(20037, "the refresh token has expired; the user must authorize again"),
          Map.entry(20064, "the refresh token was revoked; the user must authorize again"),
          Map.entry(20073, "the refresh token was already used; the user must authorize again"));

  private static final Map<Integer, String> USER_NOT_ALLOWED =
      Map.ofEntries(
          Map.entry(20008, "the user does not exist in this organisation"),
          Map.entry(20010, "the user is not allowed to use this app"),
          Map.entry(20066, "the user's status is invalid"),
          Map.entry(20021, "the user has resigned"),
          Map.entry(20022, "the user is frozen"),
          Map.entry(20023, "the user is not registered"));

  private static final Map<Integer, String> MISCONFIGURED =
      Map.ofEntries(
          Map.entry(
              20002,
              "Feishu rejected the app secret (20002): check FEISHU_APP_SECRET"
                  + " (FeishuSettings.appSecret)"),
          Map.entry(
              20024,
              "the code belongs to another app (20024): check that FEISHU_APP_ID"
                  + " (FeishuSettings.appId) is the app the page runs in"),
          Map.entry(
              20048,
              "Feishu does not know this app (20048): check FEISHU_APP_ID (FeishuSettings.appId)"),
          Map.entry(
              20046,
              "the app belongs to the other brand (20046): a Feishu app needs the open.feishu.cn"
                  + " hosts and a Lark app the larksuite.com hosts; check"
                  + " FeishuSettings.openApiBaseUrl and accountsBaseUrl"),
          Map.entry(
              99991543,
              "Feishu rejected the app credentials (99991543): check FEISHU_APP_ID and"
                  + " FEISHU_APP_SECRET (FeishuSettings.appId, appSecret)"),
          Map.entry(
              20029,
              "the redirect_uri is not registered (20029): add FeishuSettings.redirectUri to the"
                  + " app's redirect URLs (security settings) or fix FEISHU_REDIRECT_URI"),
          Map.entry(
              20071,
              "the redirect_uri does not match (20071): add FeishuSettings.redirectUri to the"
                  + " app's redirect URLs (security settings) or fix FEISHU_REDIRECT_URI"),
          Map.entry(
              20027,
              "the app asked for a scope it does not have (20027): enable it in the developer"
                  + " console or remove it from FeishuSettings.scopes"),
          Map.entry(
              99991679,
              "a permission scope is not granted (99991679): enable it in the developer console"));

  private static final Map<Integer, String> UNAVAILABLE =
      Map.ofEntries(
          Map.entry(20050, "the Feishu auth center had an internal error (20050)"),
          Map.entry(20072, "the Feishu auth center is temporarily unavailable (20072)"),
          Map.entry(SafeRetry.RATE_LIMITED, "Feishu is rate limiting this app (99991400)"),
          Map.entry(99991663, "Feishu rejected a freshly fetched app token (99991663)"),
          Map.entry(99991664, "Feishu rejected a freshly fetched app token (99991664)"),
          Map.entry(99991665, "Feishu rejected a freshly fetched app token (99991665)"),
          Map.entry(99991668, "Feishu rejected the user token it had just issued (99991668)"),
          Map.entry(99991677, "Feishu rejected the user token it had just issued (99991677)"));

  private FeishuFailures() {}

  static IdentityLookupException translate(RuntimeException failure) {
    return switch (failure) {
      case IdentityLookupException already -> already;
      case FeishuApiFailure answer -> fromAnswer(answer);
      case RetryableException transport -> unreachable(transport);
      case FeignException other ->
          unavailableFor(
              "unexpected answer from Feishu (HTTP " + other.status() + ")", Optional.empty());
      default ->
          unavailableFor(
              "unexpected answer from Feishu: " + failure.getMessage(), Optional.empty());
    };
  }

  private static IdentityLookupException fromAnswer(FeishuApiFailure answer) {
    if (answer.code().isEmpty()) {
      return fromStatusAlone(answer);
    }
    int code = answer.code().getAsInt();
    if (CODE_REFUSED.containsKey(code)) {
      LOG.debug("Feishu refused a code: {}", answer.getMessage());
      return new CodeRefusedException(CODE_REFUSED.get(code));
    }
    if (USER_NOT_ALLOWED.containsKey(code)) {
      LOG.info("Feishu refused a user: {}", answer.getMessage());
      return new UserNotAllowedException(USER_NOT_ALLOWED.get(code));
    }
    if (MISCONFIGURED.containsKey(code)) {
      LOG.error("Feishu settings are wrong: {}", answer.getMessage());
      return new AuthCenterMisconfiguredException(MISCONFIGURED.get(code));
    }
    if ("invalid_grant".equals(answer.error())) {
      // An OAuth refusal of the grant itself (e.g. a PKCE verifier that does not match).
      LOG.debug("Feishu refused a grant: {}", answer.getMessage());
      return new CodeRefusedException("the code was refused (invalid_grant); " + FRESH_CODE);
    }
    String known = UNAVAILABLE.get(code);
    if (known == null) {
      LOG.warn("Feishu answered a code this adapter does not know: {}", answer.getMessage());
    } else {
      LOG.warn("Feishu is unavailable: {}", answer.getMessage());
    }
    return new AuthCenterUnavailableException(
        known != null ? known : "Feishu answered code " + code + "; try again later",
        answer.retryAfter(),
        null);
  }

  private static IdentityLookupException fromStatusAlone(FeishuApiFailure answer) {
    if (answer.httpStatus() == 404) {
      LOG.error("Feishu answered 404 without a Feishu body: {}", answer.getMessage());
      return new AuthCenterMisconfiguredException(
          "the auth center answered 404 Not Found: check FeishuSettings.openApiBaseUrl");
    }
    return unavailableFor(
        "the auth center answered HTTP " + answer.httpStatus() + " without a Feishu answer",
        answer.retryAfter());
  }

  private static IdentityLookupException unreachable(RetryableException transport) {
    IOException cause = transport.getCause() instanceof IOException io ? io : null;
    String why = cause == null ? "unknown" : cause.getClass().getSimpleName();
    LOG.warn("Feishu auth center unreachable or too slow: {}", why);
    return new AuthCenterUnavailableException(
        "the Feishu auth center did not answer in time or could not be reached (" + why + ")",
        cause);
  }

  private static IdentityLookupException unavailableFor(String message, Optional<Duration> wait) {
    LOG.warn("Feishu is unavailable: {}", message);
    return new AuthCenterUnavailableException(message, wait, null);
  }
}
