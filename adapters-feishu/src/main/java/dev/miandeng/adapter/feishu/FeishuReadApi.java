package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.AppAccessTokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.AppCredentials;
import dev.miandeng.adapter.feishu.FeishuWire.JssdkTicketReply;
import dev.miandeng.adapter.feishu.FeishuWire.TenantAccessTokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.UserInfoReply;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The auth-center calls that consume nothing single-use: asking twice gives the same kind of
 * answer, so {@link SafeRetry} may repeat them (REL-02).
 */
interface FeishuReadApi {

  @RequestLine("POST /open-apis/auth/v3/app_access_token/internal")
  @Headers("Content-Type: application/json; charset=utf-8")
  AppAccessTokenReply appAccessToken(AppCredentials credentials);

  @RequestLine("POST /open-apis/auth/v3/tenant_access_token/internal")
  @Headers("Content-Type: application/json; charset=utf-8")
  TenantAccessTokenReply tenantAccessToken(AppCredentials credentials);

  @RequestLine("GET /open-apis/authen/v1/user_info")
  @Headers("Authorization: Bearer {userAccessToken}")
  UserInfoReply userInfo(@Param("userAccessToken") String userAccessToken);

  @RequestLine("POST /open-apis/jssdk/ticket/get")
  @Headers({
    "Authorization: Bearer {tenantAccessToken}",
    "Content-Type: application/json; charset=utf-8"
  })
  JssdkTicketReply jssdkTicket(@Param("tenantAccessToken") String tenantAccessToken);
}
