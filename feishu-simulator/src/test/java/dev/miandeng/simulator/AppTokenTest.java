package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AppTokenTest extends SimulatorTestBase {

  private SimHttp.Answer askAppToken() {
    return http.post(
        AppTokenRoutes.APP_TOKEN_PATH, Map.of("app_id", sim.appId(), "app_secret", SECRET));
  }

  @Test
  @DisplayName("app_access_token: flat shape with expire 7200 and a tenant_access_token")
  void appTokenShape() {
    SimHttp.Answer answer = askAppToken();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("code").asInt()).isZero();
    assertThat(answer.json().get("msg").asText()).isEqualTo("ok");
    assertThat(answer.json().get("app_access_token").asText()).startsWith("t-");
    assertThat(answer.json().get("expire").asLong()).isEqualTo(7200);
    assertThat(answer.json().get("tenant_access_token").asText()).startsWith("t-");
    assertThat(answer.header("Content-Type")).startsWith("application/json");
  }

  @Test
  @DisplayName(
      "REL-05 basis: with >= 30 min left the SAME token comes back with the remaining seconds")
  void sameTokenWhileThirtyMinutesLeft() {
    String first = askAppToken().json().get("app_access_token").asText();
    clock.advance(Duration.ofMinutes(90)); // exactly 30 min left

    SimHttp.Answer again = askAppToken();

    assertThat(again.json().get("app_access_token").asText()).isEqualTo(first);
    assertThat(again.json().get("expire").asLong()).isEqualTo(30 * 60);
  }

  @Test
  @DisplayName(
      "REL-05 basis: with < 30 min left a NEW token comes back; the old stays valid until it expires")
  void newTokenWhenLessThanThirtyMinutesLeft() {
    String old = askAppToken().json().get("app_access_token").asText();
    clock.advance(Duration.ofMinutes(91));

    SimHttp.Answer again = askAppToken();
    String renewed = again.json().get("app_access_token").asText();

    assertThat(renewed).isNotEqualTo(old);
    assertThat(again.json().get("expire").asLong()).isEqualTo(7200);
    assertThat(oidcAccepts(old)).isTrue();
    clock.advance(Duration.ofMinutes(29)); // old one has expired now
    assertThat(oidcAccepts(old)).isFalse();
    assertThat(oidcAccepts(renewed)).isTrue();
  }

  /** Whether the v1 OIDC endpoint accepts {@code appToken} (a bad code then gives 20003). */
  private boolean oidcAccepts(String appToken) {
    SimHttp.Answer answer =
        http.post(
            OidcRoutes.ACCESS_TOKEN_PATH,
            Map.of("grant_type", "authorization_code", "code", "nope"),
            appToken);
    return answer.json().get("code").asInt() != ErrorCatalog.APP_TOKEN_INVALID_V1;
  }

  @Test
  @DisplayName("tenant_access_token: same 30-minute rule, flat shape")
  void tenantTokenRule() {
    String first = tenantToken();
    clock.advance(Duration.ofMinutes(89));
    assertThat(tenantToken()).isEqualTo(first);
    clock.advance(Duration.ofMinutes(2));
    assertThat(tenantToken()).isNotEqualTo(first);
  }

  @Test
  @DisplayName(
      "bad credentials come with HTTP 200: unknown app_id 10014 'app id not exists',"
          + " wrong app_secret 10015, missing field 10003 (generic error codes)")
  void wrongCredentials() {
    Map<Map<String, String>, Integer> cases =
        Map.of(
            Map.of("app_id", "cli_other", "app_secret", SECRET), 10014,
            Map.of("app_id", sim.appId(), "app_secret", "wrong"), 10015,
            Map.of("app_id", sim.appId()), 10003,
            Map.<String, String>of(), 10003);
    for (String path : List.of(AppTokenRoutes.APP_TOKEN_PATH, AppTokenRoutes.TENANT_TOKEN_PATH)) {
      cases.forEach(
          (body, code) -> {
            SimHttp.Answer answer = http.post(path, body);
            assertThat(answer.status()).as(path + " " + body).isEqualTo(200);
            assertThat(answer.json().get("code").asInt()).as(path + " " + body).isEqualTo(code);
            assertThat(answer.json().has("app_access_token")).isFalse();
            assertThat(answer.json().has("tenant_access_token")).isFalse();
          });
    }
    assertThat(
            http.post(
                    AppTokenRoutes.APP_TOKEN_PATH,
                    Map.of("app_id", "cli_other", "app_secret", SECRET))
                .json()
                .get("msg")
                .asText())
        .isEqualTo("app id not exists");
  }

  @Test
  @DisplayName("malformed JSON gets HTTP 400 with a non-zero code, never a 5xx")
  void malformedJson() {
    SimHttp.Answer answer = http.post(AppTokenRoutes.APP_TOKEN_PATH, "{not json");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asInt()).isNotZero();
  }

  @Test
  @DisplayName("REL-04 basis: concurrent callers all get the same token and every call is counted")
  void concurrentCallers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(() -> askAppToken().json().get("app_access_token").asText());
      }
      List<String> tokens = new ArrayList<>();
      for (Future<String> token : pool.invokeAll(calls)) {
        tokens.add(token.get());
      }
      assertThat(tokens).containsOnly(tokens.getFirst());
      assertThat(sim.control().count(SimulatedEndpoint.APP_ACCESS_TOKEN)).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
  }
}
