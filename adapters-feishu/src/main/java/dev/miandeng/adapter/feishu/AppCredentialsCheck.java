package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.AppCredentials;
import feign.FeignException;
import feign.RetryableException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A setup check, not part of the login path: asks the auth center for an {@code app_access_token}
 * once, with the configured App ID, App Secret and OpenAPI host, and says which setting is wrong
 * when it refuses. Used by the setup doctor before anyone tries to log in.
 *
 * <p>The endpoint is "自建应用获取 app_access_token"
 * (server-docs/authentication-management/access-token/app_access_token_internal); its failures
 * carry the generic codes of "通用错误码" (server-docs/getting-started/server-error-codes), often with
 * HTTP 200, so the body's {@code code} decides (facts page §3). How each code is read:
 *
 * <ul>
 *   <li>10014: the app id does not exist on these hosts ({@code "app id not exists"}; a Lark app id
 *       on Feishu hosts answers this), or, when the message names the secret ({@code "app secret
 *       invalid"}), the secret is wrong.
 *   <li>10003 {@code "invalid param"}: a malformed or empty value; the App ID when it does not have
 *       the console's {@code cli_…} shape, otherwise the App Secret.
 *   <li>10015 {@code "wrong app secret"}: the App Secret.
 *   <li>99991543: "app_id / app_secret do not exist": Feishu does not say which, so both.
 *   <li>20046: the app belongs to the other brand (Feishu vs Lark hosts, facts page §2).
 *   <li>Any answer without a Feishu body (a 404, a proxy's page, another server's JSON): the
 *       OpenAPI base URL is not an auth center.
 * </ul>
 *
 * <p>One try, no retry: an operator waiting at a terminal wants the first answer, and a passing
 * failure is reported as such ("try again").
 */
public final class AppCredentialsCheck {

  /** The settings a refusal points at. */
  public enum Suspect {
    APP_ID,
    APP_SECRET,
    /** The brand: a Feishu app needs the feishu.cn hosts, a Lark app the larksuite.com hosts. */
    BRAND_AND_HOSTS
  }

  /** What the auth center said. */
  public sealed interface Outcome {

    /** A token was issued: App ID, App Secret and hosts belong together. */
    record Accepted(long expiresInSeconds) implements Outcome {}

    /**
     * Refused.
     *
     * @param code Feishu's code, or -1 when the answer had no Feishu body
     * @param message Feishu's {@code msg} (or the HTTP status), for the operator
     * @param suspects the settings to check; empty when the code does not point at one
     */
    record Refused(int code, String message, Set<Suspect> suspects) implements Outcome {
      public Refused {
        Objects.requireNonNull(message, "message");
        suspects = Set.copyOf(suspects);
      }
    }

    /** No answer: the host could not be reached or did not answer in time. */
    record Unreachable(String why) implements Outcome {
      public Unreachable {
        Objects.requireNonNull(why, "why");
      }
    }
  }

  static final int APP_ID_NOT_FOUND = 10014;
  static final int INVALID_PARAM = 10003;
  static final int WRONG_SECRET = 10015;
  static final int CREDENTIALS_NOT_FOUND = 99991543;
  static final int BRAND_INCONSISTENT = 20046;

  /** The shape the developer console gives App IDs ("凭证与基础信息": {@code cli_} + hex). */
  private static final Pattern APP_ID_SHAPE = Pattern.compile("cli_[0-9a-z]+");

  private AppCredentialsCheck() {}

  /** Fetches one app_access_token with these settings' credentials, host and timeouts. */
  public static Outcome run(FeishuSettings settings) {
    FeishuReadApi api = FeishuClients.build(FeishuReadApi.class, settings, FeishuMetrics.none());
    try {
      long expires =
          api.appAccessToken(new AppCredentials(settings.appId(), settings.appSecret())).expire();
      return new Outcome.Accepted(expires);
    } catch (FeishuApiFailure failure) {
      return refused(failure, settings.appId());
    } catch (RetryableException transport) {
      Throwable cause = transport.getCause() != null ? transport.getCause() : transport;
      return new Outcome.Unreachable(
          settings.openApiBaseUrl() + " did not answer (" + cause.getClass().getSimpleName() + ")");
    } catch (FeignException | FeishuAnswerMalformed other) {
      return new Outcome.Refused(-1, other.getMessage(), Set.of());
    }
  }

  static Outcome.Refused refused(FeishuApiFailure failure, String appId) {
    String message = failure.getMessage();
    if (failure.code().isEmpty()) {
      // Whatever the status, an answer without Feishu's body did not come from an auth center.
      return new Outcome.Refused(-1, message, Set.of(Suspect.BRAND_AND_HOSTS));
    }
    int code = failure.code().getAsInt();
    Set<Suspect> suspects =
        switch (code) {
          case APP_ID_NOT_FOUND ->
              message.toLowerCase(Locale.ROOT).contains("secret")
                  ? EnumSet.of(Suspect.APP_SECRET)
                  : EnumSet.of(Suspect.APP_ID, Suspect.BRAND_AND_HOSTS);
          case INVALID_PARAM ->
              APP_ID_SHAPE.matcher(appId).matches()
                  ? EnumSet.of(Suspect.APP_SECRET)
                  : EnumSet.of(Suspect.APP_ID);
          case WRONG_SECRET -> EnumSet.of(Suspect.APP_SECRET);
          case CREDENTIALS_NOT_FOUND -> EnumSet.of(Suspect.APP_ID, Suspect.APP_SECRET);
          case BRAND_INCONSISTENT -> EnumSet.of(Suspect.BRAND_AND_HOSTS);
          default -> EnumSet.noneOf(Suspect.class);
        };
    return new Outcome.Refused(code, message, suspects);
  }
}
