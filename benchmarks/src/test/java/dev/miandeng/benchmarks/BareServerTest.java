package dev.miandeng.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The baseline server answers like the app's /api/me and readiness, on a real port. */
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
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
