package dev.miandeng.simulator;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an auth-center error in the shape the endpoint family uses: {code, msg} for the OpenAPI
 * endpoints, {code, error, error_description} for the v2 OAuth token endpoint. Gateway answers
 * (rate limit) always use {code, msg}, as Feishu's gateway does. While the {@link LegacyErrorShape}
 * switch is on, every error is {errCode, errMsg} instead.
 */
final class AuthCenterErrors {
  static final String RATE_LIMIT_RESET_HEADER = "x-ogw-ratelimit-reset";

  private AuthCenterErrors() {}

  static void send(Context ctx, SimulatedEndpoint endpoint, int status, int code, String msg) {
    String message = msg == null ? ErrorCatalog.messageOf(code) : msg;
    Map<String, Object> body = new LinkedHashMap<>();
    if (Boolean.TRUE.equals(ctx.attribute(LegacyErrorShape.ATTRIBUTE))) {
      body.put("errCode", code);
      body.put("errMsg", message);
      Json.send(ctx, status, body);
      return;
    }
    body.put("code", code);
    if (endpoint.oauthErrorShape() && code != ErrorCatalog.RATE_LIMITED) {
      body.put("error", ErrorCatalog.oauthErrorOf(code));
      body.put("error_description", message);
    } else {
      body.put("msg", message);
    }
    Json.send(ctx, status, body);
  }

  static void send(Context ctx, SimulatedEndpoint endpoint, int status, int code) {
    send(ctx, endpoint, status, code, null);
  }
}
