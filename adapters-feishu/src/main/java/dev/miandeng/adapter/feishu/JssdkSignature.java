package dev.miandeng.adapter.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feishu's {@code h5sdk.config} signature (facts page section 3.6; the h5sdk.config error 333441
 * lists the rules): the fields in this order, the ticket's name {@code jsapi_ticket}, the nonce's
 * {@code noncestr} (lower case, unlike the config's {@code nonceStr}), the timestamp in
 * milliseconds.
 */
final class JssdkSignature {

  private JssdkSignature() {}

  /**
   * {@code sha1("jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + millis + "&url="
   * + url)} as 40 lowercase hex digits, the URL without its fragment.
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
