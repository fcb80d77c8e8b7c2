package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSAPI shim script and the endpoints it calls: codes, and the h5sdk.config check. Both allow
 * any origin: the app's page lives on another origin than the simulator, as it does with the real
 * client.
 */
final class JsapiRoutes {
  static final String SHIM_PATH = "/jsapi/h5sdk.js";
  static final String CODE_PATH = "/jsapi/code";
  static final String CONFIG_PATH = "/jsapi/config";

  /** Simulator-only errno for a call without appID / appId (catches the casing mistake). */
  static final int ERRNO_MISSING_APP_ID = 1;

  private final ClientSimulation client;
  private final CodeStore codes;
  private final PublicAddress address;
  private final JsapiConfigCheck configCheck;

  JsapiRoutes(
      ClientSimulation client,
      CodeStore codes,
      PublicAddress address,
      JsapiConfigCheck configCheck) {
    this.client = client;
    this.codes = codes;
    this.address = address;
    this.configCheck = configCheck;
  }

  void register(RoutesConfig routes) {
    routes.get(SHIM_PATH, this::shim);
    routes.options(CODE_PATH, JsapiRoutes::preflight);
    routes.post(CODE_PATH, this::code);
    routes.options(CONFIG_PATH, JsapiRoutes::preflight);
    routes.post(CONFIG_PATH, this::config);
  }

  /** h5sdk.config: 200 {ok:true} or 200 {errorCode, errorMessage} ({@link JsapiConfigCheck}). */
  private void config(Context ctx) {
    allowAnyOrigin(ctx);
    Json.send(ctx, 200, configCheck.check(Json.bodyObject(ctx)).body());
  }

  private void shim(Context ctx) {
    allowAnyOrigin(ctx);
    ctx.header("Cache-Control", "no-store")
        .contentType("application/javascript; charset=utf-8")
        .result(JsapiShim.render(address.baseUrl(), client.switches()));
  }

  private static void preflight(Context ctx) {
    allowAnyOrigin(ctx);
    ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS")
        .header("Access-Control-Allow-Headers", "Content-Type")
        .header("Access-Control-Max-Age", "600")
        .status(204);
  }

  private void code(Context ctx) {
    allowAnyOrigin(ctx);
    ObjectNode body = Json.bodyObject(ctx);
    CodeKind kind = CodeKind.fromWireName(Json.text(body, "kind"));
    if (kind == CodeKind.BROWSER) {
      throw new BadRequestException("kind must be requestAccess or requestAuthCode");
    }
    String appId = Json.text(body, "appId");
    if (appId == null || appId.isBlank()) {
      String field = kind == CodeKind.REQUEST_ACCESS ? "appID" : "appId";
      Json.send(ctx, 200, failure(ERRNO_MISSING_APP_ID, "invalid parameter: " + field));
      return;
    }
    switch (client.call(kind)) {
      case ClientSimulation.Failed failed -> {
        Map<String, Object> answer = failure(failed.errno(), failed.errString());
        if (failed.viaH5sdkError()) {
          answer.put("h5sdkError", true);
        }
        Json.send(ctx, 200, answer);
      }
      case ClientSimulation.Granted granted -> {
        if (kind == CodeKind.REQUEST_ACCESS && !consented(ctx, body)) {
          return;
        }
        IssuedCode code =
            codes.issue(
                appId,
                granted.user().openId(),
                kind,
                Scopes.join(scopeList(body)),
                null,
                null,
                null);
        Json.send(ctx, 200, Map.of("code", code.code()));
      }
    }
  }

  /**
   * The consent sheet of requestAccess (docs §4: a non-empty scopeList shows one). Only when the
   * shim asks for it ({@code "consent":"ask"}, then {@code "allow"} once the user pressed Allow): a
   * direct call without the field gets its code at once, as before. Returns false when this answer
   * is the sheet or a refusal instead of a code.
   */
  private boolean consented(Context ctx, ObjectNode body) {
    String consent = Json.text(body, "consent");
    if (consent == null) {
      return true;
    }
    List<String> scopes = scopeList(body);
    switch (client.consentFor(scopes)) {
      case ClientSimulation.NothingToAsk nothing -> {
        return true;
      }
      case ClientSimulation.RefusedScopes refused -> {
        Json.send(
            ctx,
            200,
            failure(ClientSimulation.ERRNO_ACCESS_REFUSED, "user refused the authorization"));
        return false;
      }
      case ClientSimulation.AskFor ask -> {
        if ("allow".equals(consent)) {
          client.consent(ask.scopes());
          return true;
        }
        Json.send(ctx, 200, Map.of("consentNeeded", ask.scopes()));
        return false;
      }
    }
  }

  private static Map<String, Object> failure(int errno, String errString) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errno", errno);
    body.put("errString", errString);
    return body;
  }

  private static List<String> scopeList(ObjectNode body) {
    List<String> scopes = new ArrayList<>();
    JsonNode list = body.get("scopeList");
    if (list != null && list.isArray()) {
      list.forEach(scope -> scopes.add(scope.asText()));
    }
    return scopes;
  }

  private static void allowAnyOrigin(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
  }
}
