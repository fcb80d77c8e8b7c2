package dev.miandeng.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.application.jsapi.SignJsapiConfigUseCase;
import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.PageUrl;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/jssdk/config}: the {@code h5sdk.config} parameters for a page of this app
 * (Feishu: "鉴权调用 JSAPI"; docs/web-api.md).
 *
 * <p>Body {@code {"url": "<the page's location.href>"}}, and after a refused configuration {@code
 * "rejected": "<h5sdk.config's errorCode>"} (strings, as every request body of this API). The URL's
 * fragment is dropped; what remains must be an absolute http(s) URL ({@link PageUrl}) on the app's
 * public origin (scheme, host and port equal to {@code MIANDENG_PUBLIC_BASE_URL}): a signature is
 * only worth having for a page this app serves, and Feishu checks the page's URL against it.
 * Answers 200 {@code {"appId","timestamp","nonceStr","signature"}} (timestamp in milliseconds).
 * Malformed input is 400 {@code bad_request}, a foreign origin 400 {@code url_not_allowed}, an
 * oversize body 413; no ticket now is 503 with Retry-After (the one outage handler).
 *
 * <p>No session is needed: a page may configure the client before its user logs in, and the answer
 * holds nothing of a user. The usual POST guards apply (SEC-13: custom header and origin, JSON,
 * body size) and a per-address limit ({@link LoginRateLimiter#admitJsapiConfig}, 429). Signing
 * costs no upstream call while the ticket is cached; the one call a request can cause, a ticket
 * renewal after a rejection, happens at most once per ticket (the signer port's rule).
 */
final class JsapiConfigApi {

  static final String PATH = "/api/jssdk/config";

  /**
   * The h5sdk.config errorCodes that blame the ticket (Feishu's errno page, the h5sdk.config
   * table): 333441 invalid signature (a ticket Feishu no longer honours signs invalid signatures),
   * 333442 no valid jsapi_ticket. Other codes (333443 repeated, 333444 expired) only need a fresh
   * signature, which every answer is.
   */
  static final Set<String> TICKET_REJECTED = Set.of("333441", "333442");

  private static final Pattern ERROR_CODE = Pattern.compile("[0-9]{1,10}");

  private final SignJsapiConfigUseCase useCase;
  private final String publicOrigin;
  private final Json json;
  private final LoginRateLimiter rateLimiter;

  JsapiConfigApi(
      SignJsapiConfigUseCase useCase,
      String publicOrigin,
      Json json,
      LoginRateLimiter rateLimiter) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
    this.publicOrigin = Objects.requireNonNull(publicOrigin, "publicOrigin");
    this.json = Objects.requireNonNull(json, "json");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
  }

  void config(Context ctx) {
    rateLimiter.admitJsapiConfig(ctx);
    JsonNode body = json.readObject(ctx, Set.of("url", "rejected"));
    PageUrl page = pageUrl(Json.requiredText(body, "url"));
    if (!WebSettings.originOf(page.uri()).equals(publicOrigin)) {
      throw new RequestRejectedException(
          400, "url_not_allowed", "The url is not a page of this app's origin.");
    }
    JsapiConfig config =
        useCase.sign(new SignJsapiConfigUseCase.Request(page, ticketRejected(body)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("appId", config.appId());
    answer.put("timestamp", config.timestamp());
    answer.put("nonceStr", config.nonceStr());
    answer.put("signature", config.signature());
    Json.answer(ctx, answer);
  }

  private static PageUrl pageUrl(String raw) {
    try {
      return PageUrl.withoutFragment(raw);
    } catch (IllegalArgumentException e) {
      // PageUrl's messages name the rule broken (length, scheme, user part, syntax), never the
      // input.
      throw Json.badRequest("The url is not this page's URL: " + e.getMessage() + ".");
    }
  }

  private static boolean ticketRejected(JsonNode body) {
    if (!body.has("rejected")) {
      return false;
    }
    String code = body.get("rejected").textValue();
    if (!ERROR_CODE.matcher(code).matches()) {
      throw Json.badRequest("rejected must be the errorCode h5sdk.config answered (digits).");
    }
    return TICKET_REJECTED.contains(code);
  }
}
