package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The seed diagram's v1 OIDC endpoints (brief §3.3): code and refresh grants, authorised by an
 * app_access_token in the Bearer header.
 */
final class OidcRoutes {
  static final String ACCESS_TOKEN_PATH = "/open-apis/authen/v1/oidc/access_token";
  static final String REFRESH_PATH = "/open-apis/authen/v1/oidc/refresh_access_token";

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
        Json.text(body, "code"), app.appId(), false, null, null, UserTokenFamily.OIDC_V1)) {
      case CodeExchange.Exchanged exchanged ->
          Json.send(ctx, 200, UserTokenBodies.oidcV1(exchanged.tokens()));
      case CodeExchange.Refused refused ->
          AuthCenterErrors.send(ctx, endpoint, 400, refused.errorCode(), refused.description());
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
          AuthCenterErrors.send(ctx, endpoint, 400, refused.errorCode());
    }
  }

  /**
   * The request body when the Bearer app_access_token is valid and grant_type is as expected;
   * otherwise answers the error (99991663 / 20001) and returns null.
   */
  private ObjectNode authorisedBody(Context ctx, SimulatedEndpoint endpoint, String grantType) {
    if (!appTokens.isValid(BearerTokens.from(ctx))) {
      AuthCenterErrors.send(ctx, endpoint, 400, ErrorCatalog.APP_TOKEN_INVALID);
      return null;
    }
    ObjectNode body = Json.bodyObject(ctx);
    if (!grantType.equals(Json.text(body, "grant_type"))) {
      AuthCenterErrors.send(
          ctx, endpoint, 400, ErrorCatalog.INVALID_REQUEST, "grant_type must be " + grantType);
      return null;
    }
    return body;
  }
}
