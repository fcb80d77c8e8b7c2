package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuErrorTable.Rule;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserNotAllowedException;
import feign.FeignException;
import feign.RetryableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates whatever a Feishu call threw into the port's exceptions, so no Feign type crosses the
 * port. A body's {@code code} is looked up in {@link FeishuErrorTable}; causes are kept only when
 * they are plain JDK I/O exceptions.
 *
 * <p>A code the table does not know is logged at ERROR with its number and message and is
 * <b>not</b> taken for a passing condition: the codes Feishu answers when retrying cannot help (app
 * not installed, app disabled, IP allow-list, bad credentials) are far more common than new
 * transient ones, and "try again" forever hides them from the operator. Only an unknown code that
 * came with a genuinely transient HTTP status (facts page section 3: 408, 429, 5xx gateways) is
 * unavailable.
 */
final class FeishuFailures {

  private static final Logger LOG = LoggerFactory.getLogger(FeishuFailures.class);

  /** HTTP statuses that say "not now" whatever the body (RFC 9110; REL-02). */
  static final Set<Integer> TRANSIENT_STATUS = Set.of(408, 429, 500, 502, 503, 504);

  private static final String FRESH_CODE = "; ask the page for a fresh code";

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
    Optional<Rule> known = FeishuErrorTable.ruleFor(code);
    if (known.isEmpty()) {
      return unknownCode(answer, code);
    }
    Rule rule = known.get();
    return switch (rule.outcome()) {
      case CODE_REFUSED -> {
        LOG.debug("Feishu refused a code: {}", answer.getMessage());
        yield new CodeRefusedException(rule.meaning() + " (" + code + ")" + FRESH_CODE);
      }
      case NOT_ALLOWED -> {
        LOG.info("Feishu refused a user: {}", answer.getMessage());
        yield new UserNotAllowedException(rule.meaning() + " (" + code + ")");
      }
      case MISCONFIGURED ->
          misconfigured(answer, rule.meaning() + " (" + code + "): " + rule.advice());
      // Reached only when the one repeat with a fresh token (REL-07) was rejected as well.
      case STALE_TOKEN ->
          unavailableFor(
              "Feishu rejected a freshly fetched app token (" + code + ")", answer.retryAfter());
      case TRANSIENT -> unavailableFor(rule.meaning() + " (" + code + ")", answer.retryAfter());
    };
  }

  private static IdentityLookupException unknownCode(FeishuApiFailure answer, int code) {
    if ("invalid_grant".equals(answer.error())) {
      // RFC 6749 section 5.2: the grant itself was refused (e.g. a PKCE verifier that does not
      // match); whatever the number, a new code is the remedy.
      LOG.debug("Feishu refused a grant: {}", answer.getMessage());
      return new CodeRefusedException("the code was refused (invalid_grant)" + FRESH_CODE);
    }
    if (TRANSIENT_STATUS.contains(answer.httpStatus())) {
      LOG.warn("Feishu answered an unknown code with a transient status: {}", answer.getMessage());
      return new AuthCenterUnavailableException(
          "Feishu answered code " + code + " with HTTP " + answer.httpStatus(),
          answer.retryAfter(),
          null);
    }
    return misconfigured(
        answer,
        "Feishu answered code "
            + code
            + ", which docs/feishu-errors.md does not list; look it up in the endpoint's error"
            + " table and add it there and to FeishuErrorTable. Retrying will not help until then");
  }

  private static IdentityLookupException misconfigured(FeishuApiFailure answer, String whatToFix) {
    LOG.error("Feishu settings need fixing: {} [{}]", whatToFix, answer.getMessage());
    return new AuthCenterMisconfiguredException(whatToFix);
  }

  private static IdentityLookupException fromStatusAlone(FeishuApiFailure answer) {
    if (TRANSIENT_STATUS.contains(answer.httpStatus())) {
      return unavailableFor(
          "the auth center answered HTTP " + answer.httpStatus() + " without a Feishu answer",
          answer.retryAfter());
    }
    // A 404, a proxy's login page, a 200 that is not Feishu JSON: the base URL points elsewhere.
    return misconfigured(
        answer,
        "the auth center answered HTTP "
            + answer.httpStatus()
            + " without a Feishu answer: check FEISHU_OPEN_API_BASE_URL (FeishuSettings"
            + ".openApiBaseUrl) and any proxy between this server and Feishu");
  }

  private static IdentityLookupException unreachable(RetryableException transport) {
    IOException cause = transport.getCause() instanceof IOException io ? io : null;
    String why = cause == null ? "unknown" : cause.getClass().getSimpleName();
    LOG.warn("Feishu auth center unreachable, too slow or answering too much: {}", why);
    return new AuthCenterUnavailableException(
        "the Feishu auth center did not give a complete answer in time (" + why + ")", cause);
  }

  private static IdentityLookupException unavailableFor(String message, Optional<Duration> wait) {
    LOG.warn("Feishu is unavailable: {}", message);
    return new AuthCenterUnavailableException(message, wait, null);
  }
}
