package dev.miandeng.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST /open-apis/jssdk/ticket/get with a tenant_access_token (brief §3.6). */
final class JssdkTicketRoutes {
  static final String PATH = "/open-apis/jssdk/ticket/get";
  private static final SimulatedEndpoint ENDPOINT = SimulatedEndpoint.JSSDK_TICKET;

  private final RenewingTokenIssuer tenantTokens;
  private final RenewingTokenIssuer tickets;

  JssdkTicketRoutes(RenewingTokenIssuer tenantTokens, RenewingTokenIssuer tickets) {
    this.tenantTokens = tenantTokens;
    this.tickets = tickets;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.post(PATH, gate.guard(ENDPOINT, this::ticket));
  }

  private void ticket(Context ctx) {
    if (!tenantTokens.isValid(BearerTokens.from(ctx))) {
      AuthCenterErrors.send(ctx, ENDPOINT, 400, ErrorCatalog.APP_TOKEN_INVALID);
      return;
    }
    RenewingTokenIssuer.Issued ticket = tickets.obtain();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("expire_in", ticket.expiresInSeconds());
    data.put("ticket", ticket.token());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", 0);
    body.put("msg", "ok");
    body.put("data", data);
    Json.send(ctx, 200, body);
  }
}
