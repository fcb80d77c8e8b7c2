package dev.miandeng.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The stub answers the documented JSON of the calls the app makes (facts page §3), over real HTTP,
 * and records each call against the login code it served.
 */
class AuthCenterStubTest {

  private AuthCenterStub stub;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    stub = AuthCenterStub.start(Duration.ZERO);
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  @DisplayName("OIDC: app token, code exchange with it, user_info with the user token")
  void oidcFlow() throws Exception {
    String appToken =
        post("/open-apis/auth/v3/app_access_token/internal", null, credentials())
            .path("app_access_token")
            .asText();
    String code = stub.mintCode(7);

    JsonNode tokens =
        post(
            "/open-apis/authen/v1/oidc/access_token",
            appToken,
            Map.of("grant_type", "authorization_code", "code", code));
    JsonNode user =
        get("/open-apis/authen/v1/user_info", tokens.path("data").path("access_token").asText());

    assertThat(tokens.path("code").asInt()).isZero();
    assertThat(user.path("code").asInt()).isZero();
    assertThat(user.path("data").path("open_id").asText()).isEqualTo("ou_bench_000007");
    assertThat(user.path("data").path("tenant_key").asText()).isEqualTo(AuthCenterStub.TENANT_KEY);
    assertThat(stub.calls())
        .extracting(AuthCenterStub.Call::endpoint, AuthCenterStub.Call::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app_access_token", null),
            org.assertj.core.groups.Tuple.tuple("oidc/access_token", code),
            org.assertj.core.groups.Tuple.tuple("user_info", code));
  }

  @Test
  @DisplayName("a code is single use: the second exchange gets 20065, an unknown code 20003")
  void codesAreSingleUse() throws Exception {
    String code = stub.mintCode(1);

    assertThat(v2Exchange(code).path("code").asInt()).isZero();
    assertThat(v2Exchange(code).path("code").asInt()).isEqualTo(20065);
    assertThat(v2Exchange("never-minted").path("code").asInt()).isEqualTo(20003);
  }

  @Test
  @DisplayName("a wrong app secret or app token is refused with Feishu's codes")
  void wrongCredentials() throws Exception {
    JsonNode wrongSecret =
        post(
            "/open-apis/auth/v3/app_access_token/internal",
            null,
            Map.of("app_id", AuthCenterStub.APP_ID, "app_secret", "wrong"));
    JsonNode wrongToken =
        post(
            "/open-apis/authen/v1/oidc/access_token",
            "a-not-the-token",
            Map.of("grant_type", "authorization_code", "code", stub.mintCode(2)));

    assertThat(wrongSecret.path("code").asInt()).isEqualTo(99991543);
    assertThat(wrongToken.path("code").asInt()).isEqualTo(99991663);
  }

  @Test
  @DisplayName(
      "closing its connections ends a kept-alive one, and the stub answers again on the same port"
          + " with the codes it minted before")
  void closeConnections() throws Exception {
    String code = stub.mintCode(3);
    URI before = stub.baseUrl();
    try (Socket idle = new Socket(before.getHost(), before.getPort())) {
      idle.setSoTimeout(5_000);
      idle.getOutputStream()
          .write("GET /nothing HTTP/1.1\r\nHost: stub\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = "";
      while (!answer.endsWith("}")) {
        byte[] chunk = new byte[1024];
        int read = idle.getInputStream().read(chunk);
        assertThat(read).as("the stub's answer on the kept-alive connection").isPositive();
        answer += new String(chunk, 0, read, StandardCharsets.US_ASCII);
      }
      assertThat(answer).startsWith("HTTP/1.1 404");

      stub.closeConnections();

      assertThat(idle.getInputStream().read()).as("the idle connection is closed").isEqualTo(-1);
    }
    assertThat(stub.baseUrl()).isEqualTo(before);
    assertThat(v2Exchange(code).path("code").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "a call lasts at least the stub's latency and lies within the caller's wait, so"
          + " the stub's time is never counted as the caller's")
  void aCallLastsItsLatencyFromArrival() throws Exception {
    Duration latency = Duration.ofMillis(80);
    try (AuthCenterStub slow = AuthCenterStub.start(latency)) {
      String code = slow.mintCode(4);

      long sent = System.nanoTime();
      JsonNode answer =
          post(slow, "/open-apis/authen/v2/oauth/token", null, AuthCenterStub.v2ExchangeBody(code));
      long received = System.nanoTime();

      assertThat(answer.path("code").asInt()).isZero();
      assertThat(slow.calls())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.code()).isEqualTo(code);
                assertThat(call.startNanos()).isGreaterThanOrEqualTo(sent);
                assertThat(call.endNanos()).isLessThanOrEqualTo(received);
                assertThat(call.nanos()).isGreaterThanOrEqualTo(latency.toNanos());
              });
    }
  }

  private JsonNode v2Exchange(String code) throws Exception {
    return post("/open-apis/authen/v2/oauth/token", null, AuthCenterStub.v2ExchangeBody(code));
  }

  private static Map<String, String> credentials() {
    return Map.of("app_id", AuthCenterStub.APP_ID, "app_secret", AuthCenterStub.APP_SECRET);
  }

  private JsonNode post(String path, String bearer, Map<String, String> body) throws Exception {
    return post(stub, path, bearer, body);
  }

  private JsonNode post(AuthCenterStub to, String path, String bearer, Map<String, String> body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(to.baseUrl().resolve(path))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return Json.read(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private JsonNode get(String path, String bearer) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(stub.baseUrl().resolve(path))
            .header("Authorization", "Bearer " + bearer)
            .build();
    return Json.read(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
