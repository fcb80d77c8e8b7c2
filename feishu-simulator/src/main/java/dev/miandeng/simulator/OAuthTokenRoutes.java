package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * POST /open-apis/authen/v2/oauth/token: code and refresh grants, no app token (brief §3.2). Every
 * error is HTTP 400 {code, error, error_description} as the error table of "get-user-access-token"
 * gives it: 20001 a missing parameter, 20036 an unsupported grant_type, 20048 an unknown client_id,
 * 20002 a wrong client_secret, then the code checks of {@link CodeExchange}.
 */
final class OAuthTokenRoutes {
  static final String PATH = "/open-apis/authen/v2/oauth/token";
  private static final SimulatedEndpoint ENDPOINT = SimulatedEndpoint.OAUTH_TOKEN;

  private final AppCredentials app;
  private final CodeExchange exchange;
  private final UserTokenStore userTokens;

  OAuthTokenRoutes(AppCredentials app, CodeExchange exchange, UserTokenStore userTokens) {
    this.app = app;
    this.exchange = exchange;
    this.userTokens = userTokens;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.post(PATH, gate.guard(ENDPOINT, this::token));
  }

  private void token(Context ctx) {
    ObjectNode body = Json.bodyObject(ctx);
    String grantType = Json.text(body, "grant_type");
    if (grantType == null || grantType.isBlank()) {
      refuse(ctx, ErrorCatalog.INVALID_REQUEST, "The request is missing a required parameter.");
      return;
    }
    if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
      refuse(ctx, ErrorCatalog.UNSUPPORTED_GRANT_TYPE, null);
      return;
    }
    if (!app.isApp(Json.text(body, "client_id"))) {
      refuse(ctx, ErrorCatalog.APP_NOT_FOUND, null);
      return;
    }
    if (!app.secretMatches(Json.text(body, "client_secret"))) {
      refuse(ctx, ErrorCatalog.BAD_CLIENT_SECRET, null);
      return;
    }
    if ("authorization_code".equals(grantType)) {
      authorizationCode(ctx, body);
    } else {
      refreshToken(ctx, body);
    }
  }

  private void authorizationCode(Context ctx, ObjectNode body) {
    CodeExchange.Outcome outcome =
        exchange.exchange(
            Json.text(body, "code"),
            app.appId(),
            true,
            Json.text(body, "redirect_uri"),
            Json.text(body, "code_verifier"),
            narrowScope(body),
            UserTokenFamily.OAUTH_V2);
    switch (outcome) {
      case CodeExchange.Exchanged exchanged ->
          Json.send(ctx, 200, UserTokenBodies.oauthV2(exchanged.tokens()));
      case CodeExchange.Refused refused -> refuse(ctx, refused.errorCode(), refused.description());
    }
  }

  private void refreshToken(Context ctx, ObjectNode body) {
    switch (userTokens.refresh(
        Json.text(body, "refresh_token"), app.appId(), UserTokenFamily.OAUTH_V2)) {
      case UserTokenStore.Rotated rotated ->
          Json.send(ctx, 200, UserTokenBodies.oauthV2(rotated.tokens()));
      case UserTokenStore.RefusedRefresh refused -> refuse(ctx, refused.errorCode(), null);
    }
  }

  /** The optional {@code scope} that narrows the token; blank counts as absent. */
  private static String narrowScope(ObjectNode body) {
    String scope = Json.text(body, "scope");
    return scope == null || scope.isBlank() ? null : scope;
  }

  private static void refuse(Context ctx, int code, String description) {
    AuthCenterErrors.send(ctx, ENDPOINT, 400, code, description);
  }
}
