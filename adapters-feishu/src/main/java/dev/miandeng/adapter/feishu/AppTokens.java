package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.AppAccessTokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.AppCredentials;
import dev.miandeng.adapter.feishu.FeishuWire.JssdkTicket;
import dev.miandeng.adapter.feishu.FeishuWire.TenantAccessTokenReply;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import java.time.Clock;
import java.time.Instant;

/** The self-refreshing app-level credentials, each fetched through the safe retry policy. */
final class AppTokens {

  private AppTokens() {}

  static RefreshingToken appAccessToken(
      FeishuReadApi api,
      FeishuSettings settings,
      SafeRetry retry,
      Clock clock,
      FeishuMetrics metrics) {
    return new RefreshingToken(
        "app_access_token",
        () -> {
          AppCredentials credentials = credentials(settings);
          Instant asked = clock.instant();
          AppAccessTokenReply reply =
              retry.call("app_access_token", () -> api.appAccessToken(credentials));
          return new RefreshingToken.Issued(
              reply.appAccessToken(), asked.plusSeconds(reply.expire()));
        },
        clock,
        metrics);
  }

  static RefreshingToken tenantAccessToken(
      FeishuReadApi api,
      FeishuSettings settings,
      SafeRetry retry,
      Clock clock,
      FeishuMetrics metrics) {
    return new RefreshingToken(
        "tenant_access_token",
        () -> {
          AppCredentials credentials = credentials(settings);
          Instant asked = clock.instant();
          TenantAccessTokenReply reply =
              retry.call("tenant_access_token", () -> api.tenantAccessToken(credentials));
          return new RefreshingToken.Issued(
              reply.tenantAccessToken(), asked.plusSeconds(reply.expire()));
        },
        clock,
        metrics);
  }

  /**
   * The body of both app-level token requests. They take the App Secret only (facts page section
   * 3.1): with a v3 client assertion and no secret, what needs them (the OIDC exchange, the JSSDK
   * ticket) is misconfigured.
   */
  private static AppCredentials credentials(FeishuSettings settings) {
    if (!settings.hasAppSecret()) {
      throw new AuthCenterMisconfiguredException(
          "app_access_token and tenant_access_token need FEISHU_APP_SECRET (a client assertion"
              + " authenticates the v3 user-token grants only)");
    }
    return new AppCredentials(settings.appId(), settings.appSecret());
  }

  /** The JSSDK ticket: its quota is tiny, so it is cached under the same 30-minute rule. */
  static RefreshingToken jssdkTicket(
      FeishuReadApi api,
      RefreshingToken tenantToken,
      SafeRetry retry,
      Clock clock,
      FeishuMetrics metrics) {
    return new RefreshingToken(
        "jsapi_ticket",
        () -> {
          Instant asked = clock.instant();
          JssdkTicket ticket =
              tenantToken
                  .use(token -> retry.call("jssdk_ticket", () -> api.jssdkTicket(token)))
                  .data();
          if (ticket == null) {
            throw new FeishuAnswerMalformed("the ticket answer has no data");
          }
          return new RefreshingToken.Issued(ticket.ticket(), asked.plusSeconds(ticket.expireIn()));
        },
        clock,
        metrics);
  }
}
