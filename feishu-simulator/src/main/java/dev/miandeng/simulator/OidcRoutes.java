package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The seed diagram's v1 OIDC endpoints (brief §3.3): code and refresh grants, authorised by an
 * app_access_token in the Bearer header.
 *
 * <p>Every error is {code, msg} with <b>HTTP 200</b>, as the error table of the v1 page
 * "authen-v1/oidc.access_token" (historic version) gives every code: a missing, unknown or expired
 * app_access_token is 20014 "The app access token passed is invalid", a wrong grant_type 20036, a
 * used code 20003 ("the code could only be used once"; v1 has no 20065), another app's code 20024.
 * The refresh endpoint answers the same way (its page shares the table; its refresh-token codes
 * 20026/20037/20064/20073 are the v2 ones).
 */
final class OidcRoutes {
  static final String ACCESS_TOKEN_PATH = "/open-apis/authen/v1/oidc/access_token";
  static final String REFRESH_PATH = "/open-apis/authen/v1/oidc/refresh_access_token";

  /** v1 answers every error with HTTP 200. */
  private static final int ERROR_STATUS = 200;

  private final AppCredentials app;
  private final RenewingTokenIssuer appTokens;
  private final CodeExchange exchange;
  private final UserTokenStore userTokens;

  OidcRoutes(
      AppCredentials app,
      RenewingTokenIssuer appTokens,
      CodeExchange exchange,
      UserTokenStore userTokens) {
    this.app = app;
    this.appTokens = appTokens;
    this.exchange = exchange;
    this.userTokens = userTokens;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.post(
        ACCESS_TOKEN_PATH, gate.guard(SimulatedEndpoint.OIDC_ACCESS_TOKEN, this::accessToken));
    routes.post(
        REFRESH_PATH, gate.guard(SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN, this::refresh));
  }

  private void accessToken(Context ctx) {
    SimulatedEndpoint endpoint = SimulatedEndpoint.OIDC_ACCESS_TOKEN;
    ObjectNode body = authorisedBody(ctx, endpoint, "authorization_code");
    if (body == null) {
      return;
    }
    switch (exchange.exchange(
        Json.text(body, "code"), app.appId(), false, null, null, null, UserTokenFamily.OIDC_V1)) {
      case CodeExchange.Exchanged exchanged ->
          Json.send(ctx, 200, UserTokenBodies.oidcV1(exchanged.tokens()));
      case CodeExchange.Refused refused ->
          AuthCenterErrors.send(
              ctx, endpoint, ERROR_STATUS, v1Code(refused.errorCode()), refused.description());
    }
  }

  private void refresh(Context ctx) {
    SimulatedEndpoint endpoint = SimulatedEndpoint.OIDC_REFRESH_ACCESS_TOKEN;
    ObjectNode body = authorisedBody(ctx, endpoint, "refresh_token");
    if (body == null) {
      return;
    }
    switch (userTokens.refresh(
        Json.text(body, "refresh_token"), app.appId(), UserTokenFamily.OIDC_V1)) {
      case UserTokenStore.Rotated rotated ->
          Json.send(ctx, 200, UserTokenBodies.oidcV1(rotated.tokens()));
      case UserTokenStore.RefusedRefresh refused ->
          AuthCenterErrors.send(ctx, endpoint, ERROR_STATUS, refused.errorCode());
    }
  }

  /**
   * The request body when the Bearer app_access_token is valid and grant_type is as expected;
   * otherwise answers the error (20014 / 20001 / 20036) and returns null.
   */
  private ObjectNode authorisedBody(Context ctx, SimulatedEndpoint endpoint, String grantType) {
    if (!appTokens.isValid(BearerTokens.from(ctx))) {
      AuthCenterErrors.send(ctx, endpoint, ERROR_STATUS, ErrorCatalog.APP_TOKEN_INVALID_V1);
      return null;
    }
    ObjectNode body = Json.bodyObject(ctx);
    String sent = Json.text(body, "grant_type");
    if (sent == null || sent.isBlank()) {
      AuthCenterErrors.send(
          ctx, endpoint, ERROR_STATUS, ErrorCatalog.INVALID_REQUEST, "grant_type is required");
      return null;
    }
    if (!grantType.equals(sent)) {
      AuthCenterErrors.send(ctx, endpoint, ERROR_STATUS, ErrorCatalog.UNSUPPORTED_GRANT_TYPE);
      return null;
    }
    return body;
  }

  /** The v1 table has no 20065: a used code is 20003 there. */
  private static int v1Code(int code) {
    return code == ErrorCatalog.CODE_USED ? ErrorCatalog.CODE_NOT_FOUND : code;
  }
}
