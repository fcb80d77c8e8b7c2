package dev.miandeng.adapter.feishu;

/** Which Feishu endpoint turns a one-time code into a user_access_token. */
public enum ExchangeFlavour {
  /**
   * The current OAuth 2.0 endpoint {@code /open-apis/authen/v2/oauth/token}: client id and secret
   * in the body, no app_access_token, PKCE and redirect_uri supported. The default.
   */
  V2,
  /**
   * The seed diagram's OIDC v1 endpoint {@code /open-apis/authen/v1/oidc/access_token}, authorised
   * with a cached app_access_token. Feishu lists it under "historic versions".
   */
  OIDC,
  /**
   * The 2026 SDKs' endpoint {@code POST <accounts host>/oauth/v3/token} (facts page section 3.3a):
   * the v2 body, the client authenticated by its secret or by an RFC 7523 client assertion, a flat
   * reply like v2's.
   */
  V3
}
