package dev.miandeng.domain.jsapi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a page passes to {@code h5sdk.config} to call JSAPIs beyond login (Feishu: "鉴权调用 JSAPI",
 * client-docs/h5/development-guide/step-2, and the h5sdk.config page). Valid for 10 minutes and
 * once: a page asks for a new one for each configuration (333443 "signature repeated", 333444
 * "signature expired"). The ticket it was made with never leaves the server.
 *
 * @param appId the App ID the page configures
 * @param timestamp milliseconds since the epoch, as signed
 * @param nonceStr the random string, as signed
 * @param signature lowercase hex SHA-1 (40 characters) of {@code
 *     jsapi_ticket=<ticket>&noncestr=<nonceStr>&timestamp=<timestamp>&url=<page URL>}
 */
public record JsapiConfig(String appId, long timestamp, String nonceStr, String signature) {

  private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");

  public JsapiConfig {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(nonceStr, "nonceStr");
    Objects.requireNonNull(signature, "signature");
    if (appId.isBlank() || nonceStr.isBlank()) {
      throw new IllegalArgumentException("appId and nonceStr must not be blank");
    }
    if (timestamp <= 0) {
      throw new IllegalArgumentException("timestamp is milliseconds since the epoch");
    }
    if (!SHA1_HEX.matcher(signature).matches()) {
      throw new IllegalArgumentException("signature is 40 lowercase hex digits (SHA-1)");
    }
  }
}
