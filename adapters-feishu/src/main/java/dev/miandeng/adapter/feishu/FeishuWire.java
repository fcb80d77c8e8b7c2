package dev.miandeng.adapter.feishu;

/**
 * Feishu's JSON bodies as records (facts page section 3). Field names map to snake_case through the
 * shared object mapper; unknown fields are ignored. Success is checked by {@link
 * FeishuReplyDecoder} before a reply is built, so replies carry only their payload. Every record
 * holding a credential masks it in {@code toString()}: records print all fields by default, and a
 * log line must never hold a code, a token or the secret (SEC-12, SEC-23, SEC-25).
 */
final class FeishuWire {

  private FeishuWire() {}

  static final String MASK = "***";

  /** Body of app_access_token/internal and tenant_access_token/internal. */
  record AppCredentials(String appId, String appSecret) {
    @Override
    public String toString() {
      return "AppCredentials[appId=" + appId + ", appSecret=" + MASK + "]";
    }
  }

  /** Flat reply of app_access_token/internal (it carries a tenant token too). */
  record AppAccessTokenReply(String appAccessToken, long expire) {
    @Override
    public String toString() {
      return "AppAccessTokenReply[appAccessToken=" + MASK + ", expire=" + expire + "]";
    }
  }

  /** Flat reply of tenant_access_token/internal. */
  record TenantAccessTokenReply(String tenantAccessToken, long expire) {
    @Override
    public String toString() {
      return "TenantAccessTokenReply[tenantAccessToken=" + MASK + ", expire=" + expire + "]";
    }
  }

  /** v2 {@code grant_type=authorization_code}; null fields are left out of the JSON. */
  record V2CodeRequest(
      String grantType,
      String clientId,
      String clientSecret,
      String code,
      String redirectUri,
      String codeVerifier) {
    static V2CodeRequest of(
        String clientId, String clientSecret, String code, String redirectUri, String verifier) {
      return new V2CodeRequest(
          "authorization_code", clientId, clientSecret, code, redirectUri, verifier);
    }

    @Override
    public String toString() {
      return "V2CodeRequest[clientId=" + clientId + ", redirectUri=" + redirectUri + "]";
    }
  }

  /** v2 {@code grant_type=refresh_token}. */
  record V2RefreshRequest(
      String grantType, String clientId, String clientSecret, String refreshToken) {
    static V2RefreshRequest of(String clientId, String clientSecret, String refreshToken) {
      return new V2RefreshRequest("refresh_token", clientId, clientSecret, refreshToken);
    }

    @Override
    public String toString() {
      return "V2RefreshRequest[clientId=" + clientId + "]";
    }
  }

  /**
   * v3 ({@code POST <accounts host>/oauth/v3/token}, facts page section 3.3a): the v2 body, the
   * client authenticated by {@code client_secret} or by {@code client_assertion_type} + {@code
   * client_assertion} (RFC 7523 section 2.2); null fields are left out of the JSON.
   */
  record V3TokenRequest(
      String grantType,
      String clientId,
      String clientSecret,
      String clientAssertionType,
      String clientAssertion,
      String code,
      String redirectUri,
      String codeVerifier,
      String scope,
      String refreshToken) {

    /** RFC 7523 section 2.2: the client_assertion_type of a JWT client assertion. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static V3TokenRequest code(
        ClientAuthentication.Fields client, String code, String redirectUri, String verifier) {
      return new V3TokenRequest(
          "authorization_code",
          client.clientId(),
          client.clientSecret(),
          client.assertionType(),
          client.assertion(),
          code,
          redirectUri,
          verifier,
          null,
          null);
    }

    static V3TokenRequest refresh(ClientAuthentication.Fields client, String refreshToken) {
      return new V3TokenRequest(
          "refresh_token",
          client.clientId(),
          client.clientSecret(),
          client.assertionType(),
          client.assertion(),
          null,
          null,
          null,
          null,
          refreshToken);
    }

    @Override
    public String toString() {
      return "V3TokenRequest[grantType="
          + grantType
          + ", clientId="
          + clientId
          + ", clientAssertionType="
          + clientAssertionType
          + ", redirectUri="
          + redirectUri
          + "]";
    }
  }

  /** Flat v2 token reply; {@code refresh_token*} only when offline_access was granted. */
  record V2TokenReply(
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshTokenExpiresIn,
      String scope,
      String tokenType) {
    @Override
    public String toString() {
      return "V2TokenReply[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
  }

  /** OIDC v1 {@code grant_type=authorization_code}. */
  record OidcCodeRequest(String grantType, String code) {
    static OidcCodeRequest of(String code) {
      return new OidcCodeRequest("authorization_code", code);
    }

    @Override
    public String toString() {
      return "OidcCodeRequest[" + MASK + "]";
    }
  }

  /** OIDC v1 {@code grant_type=refresh_token}. */
  record OidcRefreshRequest(String grantType, String refreshToken) {
    static OidcRefreshRequest of(String refreshToken) {
      return new OidcRefreshRequest("refresh_token", refreshToken);
    }

    @Override
    public String toString() {
      return "OidcRefreshRequest[" + MASK + "]";
    }
  }

  /** OIDC v1 reply: the tokens sit under {@code data}. */
  record OidcTokenReply(OidcTokens data) {}

  record OidcTokens(
      String accessToken,
      String refreshToken,
      String tokenType,
      long expiresIn,
      long refreshExpiresIn,
      String scope) {
    @Override
    public String toString() {
      return "OidcTokens[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
  }

  /** user_info reply: the person sits under {@code data}. */
  record UserInfoReply(UserInfo data) {}

  record UserInfo(
      String name,
      String enName,
      String avatarUrl,
      String avatarThumb,
      String avatarMiddle,
      String avatarBig,
      String openId,
      String unionId,
      String tenantKey,
      String email,
      String enterpriseEmail,
      String userId) {}

  /** jssdk/ticket/get reply; note Feishu's spelling {@code expire_in}. */
  record JssdkTicketReply(JssdkTicket data) {}

  record JssdkTicket(long expireIn, String ticket) {
    @Override
    public String toString() {
      return "JssdkTicket[expireIn=" + expireIn + ", ticket=" + MASK + "]";
    }
  }

  /** task/v2/tasks (list) reply: the page sits under {@code data}. */
  record TaskListReply(TaskPage data) {}

  record TaskPage(java.util.List<TaskItem> items, String pageToken, boolean hasMore) {}

  /**
   * One task of task/v2/tasks; of its many fields only these are read. Timestamps are strings of
   * milliseconds since the epoch; {@code completed_at} is {@code "0"} for an open task.
   */
  record TaskItem(String guid, String summary, TaskTime due, String completedAt) {}

  record TaskTime(String timestamp, boolean isAllDay) {}
}
