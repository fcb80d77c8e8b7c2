package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miandeng.domain.fakes.KnownTicketSigner;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/jssdk/config} on a started server: the answer's shape and formula over a ticket
 * the test knows, the origin rule, and every refusal in the one error shape.
 */
class JsapiConfigApiTest {

  private static final String PATH = "/api/jssdk/config";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TestApp app = TestApp.start();
  private final Browser browser = app.browser();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "SEC-36: the answer is lowercase hex SHA-1 of jsapi_ticket, noncestr, timestamp (ms) and the"
          + " url without its fragment, with the known ticket; the ticket itself is not in it")
  void documentedFormula() throws Exception {
    // The formula's known vector (Feishu's sample ticket; checked with sha1sum), so the
    // expectation below is computed by a formula that is itself checked.
    assertThat(
            KnownTicketSigner.sha1(
                TestApp.JSAPI_TICKET,
                "Y7a8KkqX041bsSwT",
                1510045655000L,
                "https://open.feishu.cn/document/"))
        .isEqualTo("9c37b32cf784796398d898db5ba124eee89113d8");

    HttpResponse<String> response =
        browser.post(PATH, "{\"url\":\"http://app.example.test/me?tab=1#section\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = MAPPER.readTree(response.body());
    assertThat(body.properties())
        .extracting(entry -> entry.getKey())
        .containsExactly("appId", "timestamp", "nonceStr", "signature");
    assertThat(body.get("appId").asText()).isEqualTo("cli_test");
    assertThat(body.get("timestamp").isIntegralNumber()).isTrue();
    assertThat(body.get("timestamp").asLong()).isEqualTo(app.clock.millis());
    assertThat(body.get("signature").asText())
        .isEqualTo(
            KnownTicketSigner.sha1(
                TestApp.JSAPI_TICKET,
                body.get("nonceStr").asText(),
                body.get("timestamp").asLong(),
                "http://app.example.test/me?tab=1"));
    assertThat(response.body()).doesNotContain(TestApp.JSAPI_TICKET);
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  @DisplayName("a fresh random nonceStr on every call; no session is needed")
  void freshNonceWithoutSession() throws Exception {
    String first = browser.post(PATH, "{\"url\":\"http://app.example.test/\"}").body();
    String second = browser.post(PATH, "{\"url\":\"http://app.example.test/\"}").body();

    assertThat(browser.cookies).doesNotContainKey("mdl_session");
    assertThat(MAPPER.readTree(first).get("nonceStr").asText())
        .isNotEqualTo(MAPPER.readTree(second).get("nonceStr").asText());
  }

  @Test
  @DisplayName(
      "SEC-36: a URL on another origin (host, port or scheme) is refused with 400 url_not_allowed;"
          + " the public origin in other spelling is accepted")
  void originRule() throws Exception {
    for (String foreign :
        List.of(
            "http://evil.example/",
            "http://app.example.test.evil.example/",
            "http://app.example.test:8080/",
            "https://app.example.test/")) {
      HttpResponse<String> response = browser.post(PATH, "{\"url\":\"" + foreign + "\"}");
      assertThat(response.statusCode()).as(foreign).isEqualTo(400);
      assertErrorShape(response, "url_not_allowed");
    }
    assertThat(browser.post(PATH, "{\"url\":\"HTTP://App.Example.Test:80/x?y=1\"}").statusCode())
        .isEqualTo(200);
    assertThat(app.jsapiSigner.renewals()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-29: a malformed or missing url, a wrong type, an unknown field or a non-numeric"
          + " rejected code is 400 bad_request in the one error shape")
  void badInput() throws Exception {
    for (String body :
        List.of(
            "{\"url\":\"not a url\"}",
            "{\"url\":\"javascript:alert(1)\"}",
            "{\"url\":\"/relative/path\"}",
            "{\"url\":\"//app.example.test/\"}",
            "{\"url\":\"http://user@app.example.test/\"}",
            "{\"url\":\"http://app.example.test/a b\"}",
            "{\"url\":\"\"}",
            "{\"url\":\"http://app.example.test/" + "a".repeat(2100) + "\"}",
            "{}",
            "{\"url\":1}",
            "{\"url\":\"http://app.example.test/\",\"ticket\":\"x\"}",
            "{\"url\":\"http://app.example.test/\",\"rejected\":\"abc\"}",
            "[]",
            "{\"url\":")) {
      HttpResponse<String> response = browser.post(PATH, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertErrorShape(response, "bad_request");
    }
  }

  @Test
  @DisplayName("a url that is too long is refused naming the length rule, not as malformed")
  void tooLongUrlSaysSo() throws Exception {
    HttpResponse<String> response =
        browser.post(PATH, "{\"url\":\"http://app.example.test/" + "a".repeat(2100) + "\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("2048 characters").doesNotContain("aaaa");
  }

  @Test
  @DisplayName("SEC-28: an oversize body is refused with 413 in the one error shape")
  void oversizeBody() throws Exception {
    HttpResponse<String> response =
        browser.post(PATH, "{\"url\":\"http://app.example.test/" + "a".repeat(20_000) + "\"}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertErrorShape(response, "payload_too_large");
  }

  @Test
  @DisplayName("SEC-13: a cross-site post or one without the custom header is refused with 403")
  void crossSite() throws Exception {
    HttpResponse<String> foreign =
        browser.post(PATH, "{\"url\":\"http://app.example.test/\"}", "Origin", "http://evil.test");
    HttpResponse<String> bare =
        browser.rawPost(
            PATH,
            "{\"url\":\"http://app.example.test/\"}",
            "Origin",
            TestApp.PUBLIC_URL,
            "Content-Type",
            "application/json");

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertErrorShape(foreign, "csrf_rejected");
    assertThat(bare.statusCode()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "REL-03: no ticket to be had is 503 auth_center_unavailable with Retry-After, counted as an"
          + " outage and not as a login")
  void outage() throws Exception {
    app.jsapiSigner.failWith(
        new AuthCenterUnavailableException(
            "Feishu is down", Optional.of(Duration.ofSeconds(7)), null));

    HttpResponse<String> response = browser.post(PATH, "{\"url\":\"http://app.example.test/\"}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("7");
    assertErrorShape(response, "auth_center_unavailable");
    assertThat(app.meters.find("miandeng.outages").counter().count()).isEqualTo(1.0);
    assertThat(app.meters.find("miandeng.logins").counters()).isEmpty();
  }

  @Test
  @DisplayName(
      "a configuration rejected for its ticket (333441, 333442) asks for a renewed ticket; other"
          + " codes (333443, 333444) only for a fresh signature")
  void rejectedCodes() {
    for (String code : List.of("333443", "333444", "1014")) {
      assertThat(
              browser
                  .post(
                      PATH, "{\"url\":\"http://app.example.test/\",\"rejected\":\"" + code + "\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(app.jsapiSigner.renewals()).isZero();

    for (String code : List.of("333441", "333442")) {
      assertThat(
              browser
                  .post(
                      PATH, "{\"url\":\"http://app.example.test/\",\"rejected\":\"" + code + "\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(app.jsapiSigner.renewals()).isEqualTo(2);
  }

  @Test
  @DisplayName("SEC-33: an address past its signature budget gets 429 with Retry-After")
  void rateLimited() throws Exception {
    try (TestApp limited = TestApp.start(s -> s.withLoginRateLimits(20, 2))) {
      Browser other = limited.browser();
      for (int i = 0; i < 2; i++) {
        assertThat(other.post(PATH, "{\"url\":\"http://app.example.test/\"}").statusCode())
            .isEqualTo(200);
      }
      HttpResponse<String> refused = other.post(PATH, "{\"url\":\"http://app.example.test/\"}");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertErrorShape(refused, "rate_limited");
      assertThat(
              limited
                  .meters
                  .find("miandeng.rate.limited")
                  .tag("limit", "jsapi_config")
                  .counter()
                  .count())
          .isEqualTo(1.0);
    }
  }

  private static void assertErrorShape(HttpResponse<String> response, String code)
      throws Exception {
    JsonNode body = MAPPER.readTree(response.body());
    assertThat(body.properties())
        .extracting(entry -> entry.getKey())
        .containsExactly("error", "message", "requestId");
    assertThat(body.get("error").asText()).isEqualTo(code);
    assertThat(response.headers().firstValue("X-Request-Id"))
        .contains(body.get("requestId").asText());
  }
}
