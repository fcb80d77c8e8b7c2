package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The control switches that break an answer the way the network or Feishu's gateway does, for the
 * adapters' retry, deadline and bounded-read tests (issue 8 parts B and C), plus the HTTP 200 error
 * body and the legacy {errCode, errMsg} shape.
 */
class BrokenRepliesTest extends SimulatorTestBase {
  private static final Map<String, String> CREDENTIALS =
      Map.of("app_id", SimulatorSettings.DEFAULT_APP_ID, "app_secret", SECRET);

  private String userToken() {
    return exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS))
        .json()
        .get("access_token")
        .asText();
  }

  @Test
  @DisplayName("REL-02 basis: mode bare answers 502 once on user_info without a Feishu body")
  void bareGatewayStatusOnce() {
    String token = userToken();
    SimHttp.Answer set =
        http.post("/_sim/fail", Map.of("endpoint", "user_info", "mode", "bare", "httpStatus", 502));
    assertThat(set.status()).isEqualTo(204);

    SimHttp.Answer first = http.get(UserInfoRoutes.PATH, token);
    assertThat(first.status()).isEqualTo(502);
    assertThat(first.header("Content-Type")).startsWith("text/plain");
    assertThat(first.body()).doesNotContain("\"code\"");

    SimHttp.Answer second = http.get(UserInfoRoutes.PATH, token);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().at("/data/open_id").asText()).isEqualTo(ZHANG_SAN);
    assertThat(sim.control().count(SimulatedEndpoint.USER_INFO)).isEqualTo(2);
  }

  @Test
  @DisplayName("REL-01 basis: mode stall sends HTTP 200 headers, then no body before it drops")
  void stallAfterHeaders() throws Exception {
    sim.control()
        .failNext(
            SimulatedEndpoint.APP_ACCESS_TOKEN,
            InjectedFailure.stallAfterHeaders(1, Duration.ofMillis(300)));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + AppTokenRoutes.APP_TOKEN_PATH))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(CREDENTIALS)))
            .build();

    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    try (InputStream body = response.body()) {
      assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
    }
    assertThat(http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS).json().get("code").asInt())
        .isZero();
  }

  @Test
  @DisplayName("mode oversize answers a valid JSON success body of exactly the asked size")
  void oversizeBody() {
    SimHttp.Answer set =
        http.post(
            "/_sim/fail",
            Map.of("endpoint", "app_access_token", "mode", "oversize", "bytes", 1_000_000));
    assertThat(set.status()).isEqualTo(204);

    SimHttp.Answer big = http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS);

    assertThat(big.status()).isEqualTo(200);
    assertThat(big.body()).hasSize(1_000_000);
    assertThat(big.json().get("code").asInt()).isZero();
    assertThat(big.json().has("app_access_token")).isFalse();
    assertThat(http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS).body()).hasSizeLessThan(500);
  }

  @Test
  @DisplayName("10014 with HTTP 200 on the app-token endpoint, standard msg 'app id not exists'")
  void httpOkErrorInjected() {
    http.post(
        "/_sim/fail", Map.of("endpoint", "app_access_token", "httpStatus", 200, "code", 10014));

    SimHttp.Answer answer = http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("code").asInt()).isEqualTo(10014);
    assertThat(answer.json().get("msg").asText()).isEqualTo("app id not exists");
  }

  @Test
  @DisplayName("the errCode switch writes every error as {errCode, errMsg}; reset turns it off")
  void legacyErrorShape() {
    assertThat(http.post("/_sim/error-shape", Map.of("shape", "errCode")).status()).isEqualTo(204);
    Map<String, String> wrongSecret = Map.of("app_id", sim.appId(), "app_secret", "wrong");

    JsonNode legacy = http.post(AppTokenRoutes.APP_TOKEN_PATH, wrongSecret).json();
    assertThat(legacy.get("errCode").asInt()).isEqualTo(10015);
    assertThat(legacy.get("errMsg").asText()).isEqualTo("wrong app secret");
    assertThat(legacy.has("code")).isFalse();
    JsonNode legacyOAuth = exchangeV2("nope").json();
    assertThat(legacyOAuth.get("errCode").asInt()).isEqualTo(20003);
    assertThat(legacyOAuth.has("error")).isFalse();
    assertThat(http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS).json().get("code").asInt())
        .as("successes keep their shape")
        .isZero();

    sim.control().reset();
    assertThat(http.post(AppTokenRoutes.APP_TOKEN_PATH, wrongSecret).json().get("code").asInt())
        .isEqualTo(10015);
  }

  @Test
  @DisplayName("bad fail modes and missing amounts are a 400 on the control API")
  void badModes() {
    for (Map<String, Object> body :
        java.util.List.<Map<String, Object>>of(
            Map.of("endpoint", "user_info", "mode", "explode"),
            Map.of("endpoint", "user_info", "mode", "stall"),
            Map.of("endpoint", "user_info", "mode", "stall", "stallMillis", 600_000),
            Map.of("endpoint", "user_info", "mode", "oversize", "bytes", 0),
            Map.of("endpoint", "user_info", "mode", "bare"))) {
      SimHttp.Answer answer = http.post("/_sim/fail", body);
      assertThat(answer.status()).as(body.toString()).isEqualTo(400);
      assertThat(answer.json().get("error").asText()).isEqualTo("bad_request");
    }
    assertThat(http.post("/_sim/error-shape", Map.of("shape", "xml")).status()).isEqualTo(400);
  }
}
