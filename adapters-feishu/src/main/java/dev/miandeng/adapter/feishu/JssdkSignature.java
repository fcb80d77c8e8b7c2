package dev.miandeng.adapter.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a page passes to {@code h5sdk.config} (facts page section 3.6). Valid 10 minutes, single
 * use: sign per page load. The ticket itself never leaves the server.
 *
 * @param appId the App ID
 * @param timestamp milliseconds since the epoch, as signed
 * @param nonceStr the random nonce, as signed
 * @param signature lowercase hex SHA-1 of the canonical string
 */
public record JssdkSignature(String appId, long timestamp, String nonceStr, String signature) {

  public JssdkSignature {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(nonceStr, "nonceStr");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * {@code sha1("jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + millis + "&url="
   * + url)}, the URL without its fragment.
   */
  static String sign(String ticket, String nonce, long timestampMillis, String pageUrl) {
    int hash = pageUrl.indexOf('#');
    String url = hash < 0 ? pageUrl : pageUrl.substring(0, hash);
    String canonical =
        "jsapi_ticket="
            + ticket
            + "&noncestr="
            + nonce
            + "&timestamp="
            + timestampMillis
            + "&url="
            + url;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1")
                  .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-1", e);
    }
  }
}
