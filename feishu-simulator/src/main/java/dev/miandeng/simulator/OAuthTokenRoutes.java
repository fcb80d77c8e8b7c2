package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The OAuth 2.0 token endpoints: code and refresh grants, no app token. Every error is HTTP 400
 * {code, error, error_description} as the error table of "get-user-access-token" gives it: 20001 a
 * missing parameter, 20036 an unsupported grant_type, 20048 an unknown client_id, 20002 a wrong
 * client_secret, then the code checks of {@link CodeExchange}.
 *
 * <ul>
 *   <li>v2, {@code POST /open-apis/authen/v2/oauth/token} (brief §3.2): client_secret only.
 *   <li>v3, {@code POST /oauth/v3/token} on the accounts host (brief §3.3a): the same body and
 *       replies; the client authenticates with client_secret or an RFC 7523 client assertion
 *       ({@link V3ClientAuthentication}). Its tokens are refreshed there only.
 * </ul>
 */
final class OAuthTokenRoutes {
  static final String PATH = "/open-apis/authen/v2/oauth/token";
  static final String V3_PATH = "/oauth/v3/token";

  /** Whether a request's client authentication is acceptable; an error code when it is not. */
  @FunctionalInterface
  interface ClientCheck {
    /**
     * @return null when accepted, else the refusal
     */
    CodeExchange.Refused refusal(ObjectNode body);
  }

  private final String path;
  private final SimulatedEndpoint endpoint;
  private final UserTokenFamily family;
  private final AppCredentials app;
  private final ClientCheck clientCheck;
  private final CodeExchange exchange;
  private final UserTokenStore userTokens;

  private OAuthTokenRoutes(
      String path,
      SimulatedEndpoint endpoint,
      UserTokenFamily family,
      AppCredentials app,
      ClientCheck clientCheck,
      CodeExchange exchange,
      UserTokenStore userTokens) {
    this.path = path;
    this.endpoint = endpoint;
    this.family = family;
    this.app = app;
    this.clientCheck = clientCheck;
    this.exchange = exchange;
    this.userTokens = userTokens;
  }

  /** The v2 endpoint: the secret authenticates the client. */
  static OAuthTokenRoutes v2(AppCredentials app, CodeExchange exchange, UserTokenStore userTokens) {
    return new OAuthTokenRoutes(
        PATH,
        SimulatedEndpoint.OAUTH_TOKEN,
        UserTokenFamily.OAUTH_V2,
        app,
        body ->
            app.secretMatches(Json.text(body, "client_secret"))
                ? null
                : new CodeExchange.Refused(ErrorCatalog.BAD_CLIENT_SECRET, null),
        exchange,
        userTokens);
  }

  /** The v3 endpoint: the secret or the configured client assertion authenticates the client. */
  static OAuthTokenRoutes v3(
      AppCredentials app,
      String clientAssertion,
      CodeExchange exchange,
      UserTokenStore userTokens) {
    return new OAuthTokenRoutes(
        V3_PATH,
        SimulatedEndpoint.OAUTH_V3_TOKEN,
        UserTokenFamily.OAUTH_V3,
        app,
        new V3ClientAuthentication(app, clientAssertion)::refusal,
        exchange,
        userTokens);
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.post(path, gate.guard(endpoint, this::token));
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
    CodeExchange.Refused unauthenticated = clientCheck.refusal(body);
    if (unauthenticated != null) {
      refuse(ctx, unauthenticated.errorCode(), unauthenticated.description());
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
            family);
    switch (outcome) {
      case CodeExchange.Exchanged exchanged ->
          Json.send(ctx, 200, UserTokenBodies.oauthV2(exchanged.tokens()));
      case CodeExchange.Refused refused -> refuse(ctx, refused.errorCode(), refused.description());
    }
  }

  private void refreshToken(Context ctx, ObjectNode body) {
    switch (userTokens.refresh(Json.text(body, "refresh_token"), app.appId(), family)) {
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

  private void refuse(Context ctx, int code, String description) {
    AuthCenterErrors.send(ctx, endpoint, 400, code, description);
  }
}
