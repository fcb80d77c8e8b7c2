package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ControlApiTest extends SimulatorTestBase {
  private static final Map<String, String> CREDENTIALS_BODY =
      Map.of("app_id", SimulatorSettings.DEFAULT_APP_ID, "app_secret", SECRET);

  private SimHttp.Answer appTokenCall() {
    return http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS_BODY);
  }

  @Test
  @DisplayName("POST /_sim/codes issues a usable code; unknown user or kind -> 400")
  void issueCodes() {
    SimHttp.Answer answer =
        http.post("/_sim/codes", Map.of("openId", ZHANG_SAN, "kind", "requestAuthCode"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(exchangeV2(answer.json().get("code").asText()).json().get("code").asInt()).isZero();

    String browser =
        http.post(
                "/_sim/codes",
                Map.of(
                    "openId", ZHANG_SAN,
                    "kind", "browser",
                    "redirectUri", "https://app.example/cb",
                    "codeChallenge", Pkce.s256("v".repeat(43)),
                    "scope", ""))
            .json()
            .get("code")
            .asText();
    var tokens =
        exchangeV2(
                browser,
                Map.of("redirect_uri", "https://app.example/cb", "code_verifier", "v".repeat(43)))
            .json();
    assertThat(tokens.get("code").asInt()).isZero();
    assertThat(tokens.has("refresh_token")).isFalse();

    assertThat(http.post("/_sim/codes", Map.of("openId", "ou_x", "kind", "browser")).status())
        .isEqualTo(400);
    SimHttp.Answer badKind = http.post("/_sim/codes", Map.of("openId", ZHANG_SAN, "kind", "x"));
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.json().get("error").asText()).isEqualTo("bad_request");
  }

  @Test
  @DisplayName(
      "POST /_sim/latency delays auth-center answers (a client with a shorter timeout gives up)")
  void latency() throws Exception {
    assertThat(http.post("/_sim/latency", Map.of("millis", 1500)).status()).isEqualTo(204);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + AppTokenRoutes.APP_TOKEN_PATH))
            .timeout(Duration.ofMillis(200))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
    http.post("/_sim/latency", Map.of("millis", 0));
    assertThat(appTokenCall().status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "POST /_sim/fail: next N calls answer code/status and x-ogw-ratelimit-reset, then normal again")
  void failNext() {
    SimHttp.Answer set =
        http.post(
            "/_sim/fail",
            Map.of(
                "endpoint", "app_access_token",
                "count", 2,
                "httpStatus", 429,
                "code", 99991400,
                "retryAfterSeconds", 7));
    assertThat(set.status()).isEqualTo(204);

    for (int i = 0; i < 2; i++) {
      SimHttp.Answer limited = appTokenCall();
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("x-ogw-ratelimit-reset")).isEqualTo("7");
      assertThat(limited.json().get("code").asInt()).isEqualTo(99991400);
      assertThat(limited.json().get("msg").asText()).isEqualTo("request trigger frequency limit");
    }
    assertThat(appTokenCall().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("POST /_sim/fail on oauth_token answers in the OAuth shape with the given msg")
  void failOAuthShape() {
    http.post(
        "/_sim/fail",
        Map.of("endpoint", "oauth_token", "httpStatus", 500, "code", 20050, "msg", "boom"));
    SimHttp.Answer answer = exchangeV2("any");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.json().get("code").asInt()).isEqualTo(20050);
    assertThat(answer.json().get("error").asText()).isEqualTo("server_error");
    assertThat(answer.json().get("error_description").asText()).isEqualTo("boom");
  }

  @Test
  @DisplayName("httpStatus 0 drops the connection without an answer")
  void dropConnection() {
    http.post(
        "/_sim/fail",
        Map.of("endpoint", "app_access_token", "count", 1, "httpStatus", 0, "code", 1));

    assertThatThrownBy(() -> http.post(AppTokenRoutes.APP_TOKEN_PATH, CREDENTIALS_BODY))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(appTokenCall().status()).isEqualTo(200);
    assertThat(sim.control().count(SimulatedEndpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "REL-03 basis: POST /_sim/down makes every auth-center endpoint answer 503 {code:20072}")
  void down() {
    assertThat(http.post("/_sim/down", Map.of("down", true)).status()).isEqualTo(204);

    SimHttp.Answer app = appTokenCall();
    assertThat(app.status()).isEqualTo(503);
    assertThat(app.json().get("code").asInt()).isEqualTo(20072);
    SimHttp.Answer oauth = exchangeV2("x");
    assertThat(oauth.status()).isEqualTo(503);
    assertThat(oauth.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(http.get(UserInfoRoutes.PATH, "u").status()).isEqualTo(503);

    http.post("/_sim/down", Map.of("down", false));
    assertThat(appTokenCall().status()).isEqualTo(200);
    assertThat(http.post("/_sim/down", Map.of("down", "yes")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("POST /_sim/expire-tokens invalidates app tokens: the next ask gets a new one")
  void expireTokens() {
    String before = appToken();
    assertThat(http.post("/_sim/expire-tokens", "").status()).isEqualTo(204);
    assertThat(appToken()).isNotEqualTo(before);
  }

  @Test
  @DisplayName("GET /_sim/counters counts every call per endpoint, failed ones included")
  void counters() {
    appTokenCall();
    http.post(AppTokenRoutes.APP_TOKEN_PATH, Map.of("app_id", "bad"));
    exchangeV2("x");
    http.get(UserInfoRoutes.PATH);

    var counters = http.get("/_sim/counters").json();

    assertThat(counters.get("app_access_token").asInt()).isEqualTo(2);
    assertThat(counters.get("oauth_token").asInt()).isEqualTo(1);
    assertThat(counters.get("user_info").asInt()).isEqualTo(1);
    assertThat(counters.get("tenant_access_token").asInt()).isZero();
    assertThat(counters.size()).isEqualTo(SimulatedEndpoint.values().length);
  }

  @Test
  @DisplayName("PUT/GET /_sim/client set and read the client switches; unknown mode or user -> 400")
  void clientSwitches() {
    assertThat(http.get("/_sim/client").json().get("mode").asText()).isEqualTo("normal");
    assertThat(http.get("/_sim/client").json().get("user").asText()).isEqualTo(ZHANG_SAN);

    SimHttp.Answer put =
        http.put("/_sim/client", Map.of("mode", "old-client", "user", "ou_sim_eve"));
    assertThat(put.status()).isEqualTo(200);
    assertThat(http.get("/_sim/client").json().get("mode").asText()).isEqualTo("old-client");
    assertThat(http.get("/_sim/client").json().get("user").asText()).isEqualTo("ou_sim_eve");
    http.put("/_sim/client", Map.of("mode", "refuse"));
    assertThat(http.get("/_sim/client").json().get("user").asText()).isEqualTo("ou_sim_eve");

    assertThat(http.put("/_sim/client", Map.of("mode", "nope")).status()).isEqualTo(400);
    assertThat(http.put("/_sim/client", Map.of("user", "ou_nobody")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "POST /_sim/reset restores counters, failures, latency, down, switches; clears codes")
  void reset() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);
    appTokenCall();
    sim.control().down(true);
    sim.control().failNext(SimulatedEndpoint.TENANT_ACCESS_TOKEN, 5, 500, 20050);
    sim.control().clientMode(ClientMode.BROWSER);

    assertThat(http.post("/_sim/reset", "").status()).isEqualTo(204);

    assertThat(http.get("/_sim/counters").json().get("app_access_token").asInt()).isZero();
    assertThat(appTokenCall().status()).isEqualTo(200);
    assertThat(tenantToken()).isNotBlank();
    assertThat(sim.control().client().mode()).isEqualTo(ClientMode.NORMAL);
    assertThat(exchangeV2(code).json().get("code").asInt()).isEqualTo(20003);
  }

  @Test
  @DisplayName("GET /_sim shows the control page with mode buttons, names escaped")
  void controlPage() {
    SimHttp.Answer page = http.get("/_sim");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-mode=\"refuse-once\"", "id=\"down\"", "id=\"up\"");
    assertThat(page.body()).doesNotContain("<script>window.__pwned").contains("&lt;script&gt;");
  }

  @Test
  @DisplayName("SEC-28 basis: a body over the cap is refused with 413")
  void bodyCap() {
    String huge = "{\"openId\":\"" + "x".repeat(200_000) + "\"}";
    assertThat(http.post("/_sim/codes", huge).status()).isEqualTo(413);
  }
}
