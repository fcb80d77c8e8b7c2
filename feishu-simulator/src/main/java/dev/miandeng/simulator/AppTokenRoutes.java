package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * app_access_token and tenant_access_token for a self-built app (brief §3.1).
 *
 * <p>Bad credentials are answered with <b>HTTP 200</b> and a non-zero {@code code}, the way Feishu
 * answers these endpoints (brief section 5: 10014 arrives with HTTP 200); the pages
 * "app_access_token_internal" and "tenant_access_token_internal" defer to the generic error-code
 * page, which gives the codes: 10003 "invalid param" (app_id or app_secret missing), 10014 (app id
 * unknown; msg "app id not exists" as observed), 10015 "wrong app secret".
 */
final class AppTokenRoutes {
  static final String APP_TOKEN_PATH = "/open-apis/auth/v3/app_access_token/internal";
  static final String TENANT_TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";

  private final AppCredentials app;
  private final RenewingTokenIssuer appTokens;
  private final RenewingTokenIssuer tenantTokens;

  AppTokenRoutes(
      AppCredentials app, RenewingTokenIssuer appTokens, RenewingTokenIssuer tenantTokens) {
    this.app = app;
    this.appTokens = appTokens;
    this.tenantTokens = tenantTokens;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.post(APP_TOKEN_PATH, gate.guard(SimulatedEndpoint.APP_ACCESS_TOKEN, this::appToken));
    routes.post(
        TENANT_TOKEN_PATH, gate.guard(SimulatedEndpoint.TENANT_ACCESS_TOKEN, this::tenantToken));
  }

  private void appToken(Context ctx) {
    if (!credentialsValid(ctx, SimulatedEndpoint.APP_ACCESS_TOKEN)) {
      return;
    }
    RenewingTokenIssuer.Issued appToken = appTokens.obtain();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("msg", "ok");
    body.put("app_access_token", appToken.token());
    body.put("expire", appToken.expiresInSeconds());
    body.put("tenant_access_token", tenantTokens.obtain().token());
    Json.send(ctx, 200, body);
  }

  private void tenantToken(Context ctx) {
    if (!credentialsValid(ctx, SimulatedEndpoint.TENANT_ACCESS_TOKEN)) {
      return;
    }
    RenewingTokenIssuer.Issued tenantToken = tenantTokens.obtain();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("msg", "ok");
    body.put("tenant_access_token", tenantToken.token());
    body.put("expire", tenantToken.expiresInSeconds());
    Json.send(ctx, 200, body);
  }

  /** Answers HTTP 200 with 10003 / 10014 / 10015 and returns false unless both fields are right. */
  private boolean credentialsValid(Context ctx, SimulatedEndpoint endpoint) {
    ObjectNode body = Json.bodyObject(ctx);
    String appId = Json.text(body, "app_id");
    String appSecret = Json.text(body, "app_secret");
    int refusal;
    if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
      refusal = ErrorCatalog.INVALID_PARAM;
    } else if (!app.isApp(appId)) {
      refusal = ErrorCatalog.APP_ID_NOT_EXISTS;
    } else if (!app.secretMatches(appSecret)) {
      refusal = ErrorCatalog.WRONG_APP_SECRET;
    } else {
      return true;
    }
    AuthCenterErrors.send(ctx, endpoint, 200, refusal);
    return false;
  }
}
