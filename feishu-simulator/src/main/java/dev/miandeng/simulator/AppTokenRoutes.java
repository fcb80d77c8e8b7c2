package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** app_access_token and tenant_access_token for a self-built app (brief §3.1). */
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

  /** Answers 400 / 99991543 and returns false when app_id or app_secret is wrong. */
  private boolean credentialsValid(Context ctx, SimulatedEndpoint endpoint) {
    ObjectNode body = Json.bodyObject(ctx);
    if (app.isApp(Json.text(body, "app_id")) && app.secretMatches(Json.text(body, "app_secret"))) {
      return true;
    }
    AuthCenterErrors.send(ctx, endpoint, 400, ErrorCatalog.APP_CREDENTIALS_INVALID);
    return false;
  }
}
