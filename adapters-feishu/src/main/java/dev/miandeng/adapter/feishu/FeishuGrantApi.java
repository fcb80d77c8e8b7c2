package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.OidcCodeRequest;
import dev.miandeng.adapter.feishu.FeishuWire.OidcRefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.OidcTokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.V2CodeRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V2RefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * The calls that spend something single-use (a code, a refresh token). Once sent they are never
 * repeated: a replay is refused at best and kills the user's refresh token at worst (REL-02).
 */
interface FeishuGrantApi {

  @RequestLine("POST /open-apis/authen/v2/oauth/token")
  @Headers("Content-Type: application/json; charset=utf-8")
  V2TokenReply exchangeCode(V2CodeRequest request);

  @RequestLine("POST /open-apis/authen/v2/oauth/token")
  @Headers("Content-Type: application/json; charset=utf-8")
  V2TokenReply refresh(V2RefreshRequest request);

  @RequestLine("POST /open-apis/authen/v1/oidc/access_token")
  @Headers({
    "Authorization: Bearer {appAccessToken}",
    "Content-Type: application/json; charset=utf-8"
  })
  OidcTokenReply oidcExchangeCode(
      @Param("appAccessToken") String appAccessToken, OidcCodeRequest request);

  @RequestLine("POST /open-apis/authen/v1/oidc/refresh_access_token")
  @Headers({
    "Authorization: Bearer {appAccessToken}",
    "Content-Type: application/json; charset=utf-8"
  })
  OidcTokenReply oidcRefresh(
      @Param("appAccessToken") String appAccessToken, OidcRefreshRequest request);
}
