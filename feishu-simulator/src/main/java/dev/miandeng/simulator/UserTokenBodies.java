package dev.miandeng.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of a user token answer: flat for v2 OAuth, under data for v1 OIDC. */
final class UserTokenBodies {
  private UserTokenBodies() {}

  /** v2: {code:0, access_token, expires_in, refresh_token?, refresh_token_expires_in?, ...}. */
  static Map<String, Object> oauthV2(UserTokens tokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("access_token", tokens.accessToken());
    body.put("expires_in", tokens.expiresInSeconds());
    if (tokens.refreshToken() != null) {
      body.put("refresh_token", tokens.refreshToken());
      body.put("refresh_token_expires_in", tokens.refreshExpiresInSeconds());
    }
    body.put("scope", tokens.scope());
    body.put("token_type", "Bearer");
    return body;
  }

  /** v1 OIDC: {code:0, msg:"success", data:{access_token, refresh_token, ...}}. */
  static Map<String, Object> oidcV1(UserTokens tokens) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("access_token", tokens.accessToken());
    data.put("refresh_token", tokens.refreshToken());
    data.put("token_type", "Bearer");
    data.put("expires_in", tokens.expiresInSeconds());
    data.put("refresh_expires_in", tokens.refreshExpiresInSeconds());
    data.put("scope", tokens.scope());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("msg", "success");
    body.put("data", data);
    return body;
  }
}
