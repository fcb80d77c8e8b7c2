package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POST /jsapi/config, the simulated client's h5sdk.config check, with the codes of the h5sdk.config
 * table on Feishu's errno page (client-docs/gadget/-web-app-api/errno).
 */
class JsapiConfigCheckTest extends SimulatorTestBase {

  private static final String PAGE = "https://app.example.test/me?tab=1";

  @Test
  @DisplayName(
      "a signature over the issued ticket and the page URL without fragment passes once; again:"
          + " 333443")
  void validOnce() throws Exception {
    Map<String, Object> config = signed(ticket(), "nonce-1", clock.millis(), PAGE);
    config.put("url", PAGE + "#section");

    assertThat(check(config).json().get("ok").asBoolean()).isTrue();
    assertThat(check(config).json().get("errorCode").asInt()).isEqualTo(333443);
  }

  @Test
  @DisplayName("another page's URL or another ticket: 333441 invalid signature")
  void invalidSignature() throws Exception {
    String ticket = ticket();
    Map<String, Object> otherPage = signed(ticket, "nonce-2", clock.millis(), PAGE);
    otherPage.put("url", "https://app.example.test/other");
    Map<String, Object> otherTicket = signed("not-the-ticket", "nonce-3", clock.millis(), PAGE);

    assertThat(check(otherPage).json().get("errorCode").asInt()).isEqualTo(333441);
    assertThat(check(otherTicket).json().get("errorCode").asInt()).isEqualTo(333441);
  }

  @Test
  @DisplayName("older than 10 minutes: 333444; another app id: 333440; a string timestamp: 1012")
  void expiredForeignAndMistyped() throws Exception {
    String ticket = ticket();
    Map<String, Object> old = signed(ticket, "nonce-4", clock.millis(), PAGE);
    Map<String, Object> foreign = signed(ticket, "nonce-5", clock.millis(), PAGE);
    foreign.put("appId", "cli_someone_else");
    Map<String, Object> mistyped = signed(ticket, "nonce-6", clock.millis(), PAGE);
    mistyped.put("timestamp", "now");

    clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    assertThat(check(old).json().get("errorCode").asInt()).isEqualTo(333444);
    assertThat(check(foreign).json().get("errorCode").asInt()).isEqualTo(333440);
    assertThat(check(mistyped).json().get("errorCode").asInt()).isEqualTo(1012);
  }

  @Test
  @DisplayName(
      "the control's stale-jsapi-ticket retires the ticket: 333442 with no valid ticket, and the"
          + " next ticket call issues a new one that passes")
  void staleTicket() throws Exception {
    String ticket = ticket();

    assertThat(http.post(ControlRoutes.PREFIX + "/stale-jsapi-ticket", Map.of()).status())
        .isEqualTo(204);

    assertThat(
            check(signed(ticket, "nonce-7", clock.millis(), PAGE)).json().get("errorCode").asInt())
        .isEqualTo(333442);
    String renewed = ticket();
    assertThat(renewed).isNotEqualTo(ticket);
    assertThat(check(signed(renewed, "nonce-8", clock.millis(), PAGE)).json().get("ok").asBoolean())
        .isTrue();
  }

  private String ticket() {
    return http.post(JssdkTicketRoutes.PATH, "{}", tenantToken())
        .json()
        .at("/data/ticket")
        .asText();
  }

  private SimHttp.Answer check(Map<String, Object> config) {
    SimHttp.Answer answer = http.post(JsapiRoutes.CONFIG_PATH, config);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    return answer;
  }

  private Map<String, Object> signed(String ticket, String nonce, long timestamp, String url)
      throws Exception {
    String text =
        "jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + timestamp + "&url=" + url;
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("appId", sim.appId());
    config.put("timestamp", timestamp);
    config.put("nonceStr", nonce);
    config.put(
        "signature",
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8))));
    config.put("url", url);
    return config;
  }
}
