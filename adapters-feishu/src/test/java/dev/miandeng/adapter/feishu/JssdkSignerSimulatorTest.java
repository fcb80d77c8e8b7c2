package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miandeng.domain.fakes.KnownTicketSigner;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.PageUrl;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JssdkSigner}, the JSAPI signer port on Feishu, against a started {@link FeishuSimulator}:
 * its signatures pass the simulator's h5sdk.config check (the ticket it issued, the page URL, the
 * 10-minute and single-use rules), the ticket is fetched once for many callers, and a ticket the
 * client rejects is renewed once.
 */
class JssdkSignerSimulatorTest {

  private static final PageUrl PAGE = new PageUrl("http://127.0.0.1:8080/?tab=me");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension static final OnSimulator SIMULATOR = new OnSimulator();
  private JssdkSigner signer;

  @BeforeEach
  void newSigner() {
    FeishuSettings settings = SIMULATOR.settings("http://127.0.0.1:8080/callback");
    signer = JssdkSigner.create(settings, Clock.systemUTC(), duration -> {});
  }

  @Test
  @DisplayName(
      "the signature is the documented SHA-1 over the simulator's own ticket, checked"
          + " independently; the simulator's h5sdk.config accepts it once")
  void documentedFormulaWithTheIssuedTicket() throws Exception {
    JsapiConfig config = signer.sign(PAGE);

    String ticket = ticketFromSimulator();
    assertThat(config.signature())
        .isEqualTo(
            KnownTicketSigner.sha1(ticket, config.nonceStr(), config.timestamp(), PAGE.value()));
    assertThat(config.appId()).isEqualTo(SIMULATOR.sim().appId());
    assertThat(configCheck(config, PAGE.value() + "#fragment")).isEqualTo(0);
    assertThat(configCheck(config, PAGE.value())).as("the same signature again").isEqualTo(333443);
    assertThat(configCheck(signer.sign(PAGE), "http://127.0.0.1:8080/other"))
        .as("another page's URL")
        .isEqualTo(333441);
  }

  @Test
  @DisplayName(
      "REL-04 50 concurrent signers on a cold cache: one ticket fetch and one tenant token fetch at"
          + " the simulator; every signature passes its check")
  void concurrentCallersShareOneTicketFetch() throws Exception {
    // Holds the first fetch open so the other callers arrive while it runs.
    SIMULATOR.sim().control().latency(Duration.ofMillis(300));

    List<JsapiConfig> configs = Concurrently.run(50, () -> signer.sign(PAGE));

    SIMULATOR.sim().control().latency(Duration.ZERO);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.JSSDK_TICKET)).isEqualTo(1);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.TENANT_ACCESS_TOKEN)).isEqualTo(1);
    assertThat(configs.stream().map(JsapiConfig::nonceStr).distinct()).hasSize(50);
    for (JsapiConfig config : configs) {
      assertThat(configCheck(config, PAGE.value())).isEqualTo(0);
    }
  }

  @Test
  @DisplayName(
      "REL-07 the ticket call rejecting the tenant token (99991663): the tenant token is renewed"
          + " and the ticket call repeated once")
  void staleTenantTokenOnTheTicketCall() throws Exception {
    SIMULATOR.sim().control().failNext(SimulatedEndpoint.JSSDK_TICKET, 1, 400, 99991663);

    JsapiConfig config = signer.sign(PAGE);

    assertThat(configCheck(config, PAGE.value())).isEqualTo(0);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.TENANT_ACCESS_TOKEN)).isEqualTo(2);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.JSSDK_TICKET)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "REL-07 a ticket the client rejects is renewed once; the simulator then accepts the new"
          + " ticket's signatures")
  void staleTicketIsRenewedOnce() throws Exception {
    assertThat(configCheck(signer.sign(PAGE), PAGE.value())).isEqualTo(0);
    SIMULATOR.sim().control().staleJsapiTicket();
    assertThat(configCheck(signer.sign(PAGE), PAGE.value()))
        .as("the cached ticket is stale now: the app has no valid ticket")
        .isEqualTo(333442);

    JsapiConfig renewed = signer.signWithRenewedTicket(PAGE);

    assertThat(configCheck(renewed, PAGE.value())).isEqualTo(0);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.JSSDK_TICKET)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "SEC-36 a page that keeps reporting rejections costs at most one more ticket fetch per"
          + " ticket")
  void repeatedReportsDoNotSpendTheQuota() throws Exception {
    signer.sign(PAGE);

    for (int i = 0; i < 10; i++) {
      assertThat(configCheck(signer.signWithRenewedTicket(PAGE), PAGE.value())).isEqualTo(0);
    }

    // One renewal; Feishu's 30-minute rule answers it with the same ticket, which is not renewed
    // again.
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.JSSDK_TICKET)).isEqualTo(2);
  }

  @Test
  @DisplayName("REL-03 the auth center down on a cold cache is an outage, not a signature")
  void outageIsAnException() {
    SIMULATOR.sim().control().down(true);

    assertThatThrownBy(() -> signer.sign(PAGE)).isInstanceOf(AuthCenterUnavailableException.class);
  }

  /** The ticket the simulator hands this app now, asked for as Feishu documents it. */
  private static String ticketFromSimulator() throws Exception {
    JsonNode tenant =
        post(
            "/open-apis/auth/v3/tenant_access_token/internal",
            Map.of("app_id", SIMULATOR.sim().appId(), "app_secret", SIMULATOR.sim().appSecret()),
            null);
    JsonNode ticket =
        post(
            "/open-apis/jssdk/ticket/get",
            Map.of(),
            "Bearer " + tenant.get("tenant_access_token").asText());
    return ticket.at("/data/ticket").asText();
  }

  /** The simulated client's h5sdk.config check: 0 when accepted, else its errorCode. */
  private static int configCheck(JsapiConfig config, String pageHref) throws Exception {
    JsonNode answer =
        post(
            "/jsapi/config",
            Map.of(
                "appId", config.appId(),
                "timestamp", config.timestamp(),
                "nonceStr", config.nonceStr(),
                "signature", config.signature(),
                "url", pageHref),
            null);
    return answer.path("ok").asBoolean() ? 0 : answer.get("errorCode").asInt();
  }

  private static JsonNode post(String path, Map<String, Object> body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SIMULATOR.sim().baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return MAPPER.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
  }
}
