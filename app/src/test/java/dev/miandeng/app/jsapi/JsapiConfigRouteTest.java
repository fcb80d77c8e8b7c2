package dev.miandeng.app.jsapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miandeng.app.AppOnSimulator;
import dev.miandeng.domain.fakes.KnownTicketSigner;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.simulator.SimulatedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/jssdk/config} of the production app on its simulator, over HTTP: the route, the
 * Feishu signer and the ticket cache together.
 */
class JsapiConfigRouteTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final AppOnSimulator app =
      AppOnSimulator.start(
          Map.of(
              "MIANDENG_PERSISTENCE", "memory",
              "MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS", "10000",
              "MIANDENG_SHUTDOWN_DELAY", "1ms"));

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "the route answers the documented SHA-1 over the simulator's ticket (computed here"
          + " independently), and the simulated client accepts it for the page")
  void documentedFormulaWithTheIssuedTicket() throws Exception {
    String page = app.url() + "/?from=test";

    JsonNode config = signatureFor(page + "#top");

    String ticket = ticketFromSimulator();
    assertThat(config.get("signature").asText())
        .isEqualTo(
            KnownTicketSigner.sha1(
                ticket, config.get("nonceStr").asText(), config.get("timestamp").asLong(), page));
    assertThat(config.get("appId").asText()).isEqualTo(app.simulator().appId());
    JsonNode check =
        postJson(
            URI.create(app.simulator().baseUrl() + "/jsapi/config"),
            Map.of(
                "appId", config.get("appId").asText(),
                "timestamp", config.get("timestamp").asLong(),
                "nonceStr", config.get("nonceStr").asText(),
                "signature", config.get("signature").asText(),
                "url", page),
            Map.of());
    assertThat(check.path("ok").asBoolean()).as(check.toString()).isTrue();
  }

  @Test
  @DisplayName(
      "REL-04 40 concurrent signature requests on a cold cache: one ticket fetch at the simulator,"
          + " 40 different nonces")
  void concurrentCallersOneFetch() throws Exception {
    app.simulator().control().latency(Duration.ofMillis(300));

    List<JsonNode> configs = Concurrently.run(40, () -> signatureFor(app.url() + "/"));

    app.simulator().control().latency(Duration.ZERO);
    assertThat(app.simulator().control().count(SimulatedEndpoint.JSSDK_TICKET)).isEqualTo(1);
    assertThat(configs.stream().map(c -> c.get("nonceStr").asText()).distinct()).hasSize(40);
  }

  private JsonNode signatureFor(String url) throws Exception {
    return postJson(
        app.url().resolve("/api/jssdk/config"),
        Map.of("url", url),
        Map.of("X-Requested-With", "miandeng", "Origin", app.url().toString()));
  }

  private String ticketFromSimulator() throws Exception {
    String base = app.simulator().baseUrl();
    JsonNode tenant =
        postJson(
            URI.create(base + "/open-apis/auth/v3/tenant_access_token/internal"),
            Map.of("app_id", app.simulator().appId(), "app_secret", app.simulator().appSecret()),
            Map.of());
    return postJson(
            URI.create(base + "/open-apis/jssdk/ticket/get"),
            Map.of(),
            Map.of("Authorization", "Bearer " + tenant.get("tenant_access_token").asText()))
        .at("/data/ticket")
        .asText();
  }

  private static JsonNode postJson(URI uri, Map<String, Object> body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(uri + " " + response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body());
  }
}
