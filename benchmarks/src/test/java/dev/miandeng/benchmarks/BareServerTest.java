package dev.miandeng.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The baseline server answers like the app's /api/me and readiness, on a real port; with an auth
 * center, its bare login makes the app's two calls.
 */
class BareServerTest {

  private Javalin server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = BareServer.start(0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  @DisplayName("GET /api/me answers 200 with the app's body shape as JSON")
  void answersMe() throws Exception {
    HttpResponse<String> me = get(BareServer.ME_PATH);

    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(Json.read(me.body()).path("user").path("name").asText()).isEqualTo("张三");
    assertThat(Json.read(me.body()).path("user").path("tenantKey").asText())
        .isEqualTo("tenant-simulator");
  }

  @Test
  @DisplayName("the readiness URL answers 200 once started; other paths 404")
  void ready() throws Exception {
    assertThat(get(BareServer.READY_PATH).statusCode()).isEqualTo(200);
    assertThat(get("/api/session").statusCode()).isEqualTo(404);
    assertThat(post(server, BareServer.LOGIN_PATH, "{}").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "POST /bare-login makes a login's two calls at the auth center, the code exchange then"
          + " user_info with its token, and answers how long they took")
  void bareLoginMakesTheTwoCalls() throws Exception {
    Duration latency = Duration.ofMillis(20);
    try (AuthCenterStub stub = AuthCenterStub.start(latency)) {
      Javalin withAuthCenter = BareServer.start(0, stub.baseUrl());
      try {
        String code = stub.mintCode(7);

        HttpResponse<String> answer =
            post(withAuthCenter, BareServer.LOGIN_PATH, Json.write(Map.of("code", code)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(stub.calls())
            .extracting(AuthCenterStub.Call::endpoint, AuthCenterStub.Call::code)
            .containsExactly(tuple("v2/oauth/token", code), tuple("user_info", code));
        // Each call waited the stub's latency: the time covers both.
        assertThat(Long.parseLong(Json.field(answer.body(), "callsNanos")))
            .isGreaterThanOrEqualTo(2 * latency.toNanos());
        // The code is spent: a second bare login with it is refused by the stub's exchange, and
        // the bare server says so as a bad gateway naming Feishu's code.
        HttpResponse<String> again =
            post(withAuthCenter, BareServer.LOGIN_PATH, Json.write(Map.of("code", code)));
        assertThat(again.statusCode()).isEqualTo(502);
        assertThat(again.body()).contains("v2/oauth/token answered 400").contains("20065");
      } finally {
        withAuthCenter.stop();
      }
    }
  }

  private HttpResponse<String> post(Javalin target, String path, String body) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + target.port() + path);
    return http.send(
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
