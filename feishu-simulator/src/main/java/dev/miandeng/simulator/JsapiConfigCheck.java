package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Feishu client checks when a page calls {@code h5sdk.config}, with the error codes of the
 * h5sdk.config table on Feishu's errno page (client-docs/gadget/-web-app-api/errno, "以下错误码是
 * h5sdk.config 归属的错误码"): the signature is recomputed with the app's valid JSAPI tickets over the
 * calling page's URL without its fragment (333441 when none matches, 333442 when the app has no
 * valid ticket), it is valid 10 minutes (333444) and once (333443), and the appId is the app's
 * (333440). Wrong types are 1012.
 *
 * <p>Not simulated: the H5 trusted domain (333447 / 333448; the simulator has no console) and the
 * jsApiList check (333445). The real client answers 333441 with the server's ticket and nonce in
 * {@code errorMessage}; the simulator says only "invalid signature".
 */
final class JsapiConfigCheck {

  static final int PARAMETER_TYPE = 1012;
  static final int APP_NOT_FOUND = 333440;
  static final int SIGNATURE_INVALID = 333441;
  static final int NO_VALID_TICKET = 333442;
  static final int SIGNATURE_REPEATED = 333443;
  static final int SIGNATURE_EXPIRED = 333444;

  /** A signature is good for 10 minutes (333444) and is refused a second time within them. */
  static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(10);

  /** The answer: success, or {errorCode, errorMessage} as the client's onFail receives it. */
  record Outcome(int errorCode, String errorMessage) {
    static final Outcome OK = new Outcome(0, "ok");

    boolean ok() {
      return errorCode == 0;
    }

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      if (ok()) {
        body.put("ok", true);
      } else {
        body.put("errorCode", errorCode);
        body.put("errorMessage", errorMessage);
      }
      return body;
    }
  }

  private final AppCredentials app;
  private final RenewingTokenIssuer tickets;
  private final Clock clock;
  private final Map<String, Instant> usedUntil = new HashMap<>(); // guarded by this

  JsapiConfigCheck(AppCredentials app, RenewingTokenIssuer tickets, Clock clock) {
    this.app = app;
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * @param config {appId, timestamp (ms, number), nonceStr, signature} as the page passed them, and
   *     {@code url}: the calling page's {@code location.href}, which the client knows itself
   */
  synchronized Outcome check(JsonNode config) {
    JsonNode timestamp = config.get("timestamp");
    String appId = Json.text(config, "appId");
    String nonceStr = Json.text(config, "nonceStr");
    String signature = Json.text(config, "signature");
    String href = Json.text(config, "url");
    if (appId == null
        || nonceStr == null
        || signature == null
        || href == null
        || timestamp == null
        || !timestamp.canConvertToLong()) {
      return new Outcome(PARAMETER_TYPE, "parameter type error");
    }
    if (!app.appId().equals(appId)) {
      return new Outcome(APP_NOT_FOUND, "app not found");
    }
    Instant now = clock.instant();
    usedUntil.values().removeIf(until -> !until.isAfter(now));
    Instant signedAt = Instant.ofEpochMilli(timestamp.asLong());
    if (Duration.between(signedAt, now).abs().compareTo(SIGNATURE_LIFETIME) > 0) {
      return new Outcome(SIGNATURE_EXPIRED, "signature expired");
    }
    if (usedUntil.containsKey(signature)) {
      return new Outcome(SIGNATURE_REPEATED, "signature repeated");
    }
    var valid = tickets.validTokens();
    if (valid.isEmpty()) {
      return new Outcome(NO_VALID_TICKET, "no valid jsapi_ticket for the app");
    }
    int hash = href.indexOf('#');
    String url = hash < 0 ? href : href.substring(0, hash);
    boolean matches =
        valid.stream()
            .anyMatch(ticket -> sha1(ticket, nonceStr, timestamp.asLong(), url).equals(signature));
    if (!matches) {
      return new Outcome(SIGNATURE_INVALID, "invalid signature");
    }
    // Kept while it could still pass the expiry check; after that 333444 answers a reuse.
    usedUntil.put(signature, signedAt.plus(SIGNATURE_LIFETIME));
    return Outcome.OK;
  }

  private static String sha1(String ticket, String nonce, long timestamp, String url) {
    String text =
        "jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + timestamp + "&url=" + url;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-1", e);
    }
  }
}
