package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control HTTP API under /_sim (for tests and the demo): a thin JSON layer over the control.
 */
final class ControlRoutes {
  static final String PREFIX = "/_sim";

  private final SimulatorControl control;
  private final ControlPage page;

  ControlRoutes(SimulatorControl control, ControlPage page) {
    this.control = control;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get(PREFIX, ctx -> HtmlPages.send(ctx, 200, page.render(), ControlPage.CSP));
    routes.post(PREFIX + "/codes", this::issueCode);
    routes.post(PREFIX + "/latency", this::latency);
    routes.post(PREFIX + "/fail", this::fail);
    routes.post(PREFIX + "/down", this::down);
    routes.post(PREFIX + "/error-shape", this::errorShape);
    routes.post(PREFIX + "/expire-tokens", ctx -> done(ctx, control::expireTokens));
    routes.post(PREFIX + "/stale-jsapi-ticket", ctx -> done(ctx, control::staleJsapiTicket));
    routes.get(PREFIX + "/counters", ctx -> Json.send(ctx, 200, control.counters()));
    routes.get(PREFIX + "/client", ctx -> Json.send(ctx, 200, clientBody()));
    routes.put(PREFIX + "/client", this::client);
    routes.post(PREFIX + "/reset", ctx -> done(ctx, control::reset));
  }

  private void issueCode(Context ctx) {
    ObjectNode body = Json.bodyObject(ctx);
    String openId = required(body, "openId");
    CodeKind kind = CodeKind.fromWireName(required(body, "kind"));
    String scope = body.has("scope") ? Json.text(body, "scope") : control.defaultCodeScope();
    String code =
        control.issueCode(
            openId,
            kind,
            Json.text(body, "codeChallenge"),
            Json.text(body, "redirectUri"),
            scope == null ? "" : scope);
    Json.send(ctx, 200, Map.of("code", code));
  }

  private void latency(Context ctx) {
    long millis = requiredNumber(Json.bodyObject(ctx), "millis").asLong();
    control.latency(Duration.ofMillis(millis));
    ctx.status(204);
  }

  private void fail(Context ctx) {
    ObjectNode body = Json.bodyObject(ctx);
    SimulatedEndpoint endpoint = SimulatedEndpoint.fromWireName(required(body, "endpoint"));
    int count = body.has("count") ? requiredNumber(body, "count").asInt() : 1;
    String mode = Json.text(body, "mode");
    InjectedFailure.Behaviour behaviour =
        mode == null
            ? InjectedFailure.Behaviour.ANSWER
            : InjectedFailure.Behaviour.fromWireName(mode);
    control.failNext(endpoint, failure(body, count, behaviour));
    ctx.status(204);
  }

  private static InjectedFailure failure(
      ObjectNode body, int count, InjectedFailure.Behaviour behaviour) {
    return switch (behaviour) {
      case ANSWER, DROP -> {
        JsonNode retryAfter = body.get("retryAfterSeconds");
        yield new InjectedFailure(
            count,
            behaviour == InjectedFailure.Behaviour.DROP
                ? InjectedFailure.DROP_CONNECTION
                : requiredNumber(body, "httpStatus").asInt(),
            behaviour == InjectedFailure.Behaviour.DROP ? 0 : requiredNumber(body, "code").asInt(),
            Json.text(body, "msg"),
            retryAfter != null && retryAfter.isNumber() ? retryAfter.asInt() : null);
      }
      case BARE_STATUS ->
          InjectedFailure.bareStatus(count, requiredNumber(body, "httpStatus").asInt());
      case STALL_AFTER_HEADERS ->
          InjectedFailure.stallAfterHeaders(
              count, Duration.ofMillis(requiredNumber(body, "stallMillis").asLong()));
      case OVERSIZE_BODY ->
          InjectedFailure.oversizeBody(count, requiredNumber(body, "bytes").asLong());
    };
  }

  private void errorShape(Context ctx) {
    String shape = required(Json.bodyObject(ctx), "shape");
    switch (shape) {
      case "code" -> control.legacyErrorShape(false);
      case "errCode" -> control.legacyErrorShape(true);
      default -> throw new BadRequestException("shape must be code or errCode");
    }
    ctx.status(204);
  }

  private void down(Context ctx) {
    JsonNode down = Json.bodyObject(ctx).get("down");
    if (down == null || !down.isBoolean()) {
      throw new BadRequestException("down must be true or false");
    }
    control.down(down.asBoolean());
    ctx.status(204);
  }

  private void client(Context ctx) {
    ObjectNode body = Json.bodyObject(ctx);
    String mode = Json.text(body, "mode");
    control.client(mode == null ? null : ClientMode.fromWireName(mode), Json.text(body, "user"));
    Json.send(ctx, 200, clientBody());
  }

  private Map<String, Object> clientBody() {
    ClientSwitches switches = control.client();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("mode", switches.mode().wireName());
    body.put("user", switches.userOpenId());
    return body;
  }

  private static void done(Context ctx, Runnable action) {
    action.run();
    ctx.status(204);
  }

  private static String required(ObjectNode body, String field) {
    String value = Json.text(body, field);
    if (value == null || value.isBlank()) {
      throw new BadRequestException(field + " is required");
    }
    return value;
  }

  private static JsonNode requiredNumber(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isNumber()) {
      throw new BadRequestException(field + " must be a number");
    }
    return value;
  }
}
