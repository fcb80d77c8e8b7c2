package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.AppCredentials;
import feign.FeignException;
import feign.RetryableException;
import java.util.Objects;
import java.util.Set;

/**
 * A setup check, not part of the login path: asks the auth center for an {@code app_access_token}
 * once, with the configured App ID, App Secret and OpenAPI host, and says which setting is wrong
 * when it refuses. Used by the setup doctor before anyone tries to log in.
 *
 * <p>The endpoint is "自建应用获取 app_access_token"
 * (server-docs/authentication-management/access-token/app_access_token_internal); its failures
 * carry the generic codes of "通用错误码" (server-docs/getting-started/server-error-codes), often with
 * HTTP 200, so the body's {@code code} decides (facts page §3). Which setting each code points at
 * is a column of {@link FeishuErrorTable} (each rule's {@code blame}), with the rest of what the
 * code means; an answer without a Feishu body (a 404, a proxy's page, another server's JSON) points
 * at the hosts: the OpenAPI base URL is not an auth center.
 *
 * <p>One try, no retry: an operator waiting at a terminal wants the first answer, and a passing
 * failure is reported as such ("try again").
 */
public final class AppCredentialsCheck {

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
    record Refused(int code, String message, Set<FeishuSetting> suspects) implements Outcome {
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
      return new Outcome.Refused(-1, message, Set.of(FeishuSetting.BRAND_AND_HOSTS));
    }
    int code = failure.code().getAsInt();
    Set<FeishuSetting> suspects = FeishuErrorTable.blamedSettings(code, message, appId);
    return new Outcome.Refused(code, message, suspects);
  }
}
