package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.app.Miandeng;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app as deployed (H2 file, the Feishu adapter against a simulator started apart, as real
 * Feishu would be) with a management port: {@code /metrics} is scraped over HTTP after real logins.
 */
class MetricsEndpointTest {

  private static final String ORIGIN = "http://app.example.test";
  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  private FeishuSimulator feishu;
  private Miandeng app;
  private URI instance;

  private void start(Map<String, String> extra) {
    feishu =
        FeishuSimulator.start(
            SimulatorSettings.defaults().withRedirectUris(List.of(ORIGIN + "/callback")));
    int port = freePort();
    Map<String, String> config = new HashMap<>();
    config.put("MIANDENG_SHUTDOWN_DELAY", "1ms");
    config.putAll(extra);
    config.put("MIANDENG_PORT", String.valueOf(port));
    config.put("MIANDENG_PUBLIC_BASE_URL", ORIGIN);
    config.put("MIANDENG_DATA_DIR", dataDir.toString());
    config.put("FEISHU_APP_ID", feishu.appId());
    config.put("FEISHU_APP_SECRET", feishu.appSecret());
    config.put("FEISHU_OPEN_API_BASE_URL", feishu.baseUrl());
    config.put("FEISHU_ACCOUNTS_BASE_URL", feishu.baseUrl());
    app = Miandeng.start(AppConfigReader.read(ConfigSources.of(config)), Clock.systemUTC());
    instance = URI.create("http://127.0.0.1:" + port + "/");
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (feishu != null) {
      feishu.close();
    }
  }

  @Test
  @DisplayName(
      "/metrics on the management port counts a login, a refused code, a bad nonce, the Feishu"
          + " calls by endpoint and code, the session cache, and the JVM, Jetty and Hikari meters")
  void scrapeAfterLogins() throws Exception {
    start(Map.of("MIANDENG_MANAGEMENT_PORT", "0"));
    URI metrics = app.metricsUrl().orElseThrow();
    assertThat(metrics.getHost()).isEqualTo("127.0.0.1");

    Client alice = new Client(ORIGIN);
    String code = feishu.control().issueCode(firstUser(), CodeKind.REQUEST_ACCESS);
    assertThat(logIn(alice, code, nonce(alice)).statusCode()).isEqualTo(200);
    assertThat(alice.get(instance, "/api/me").statusCode()).isEqualTo(200);
    Client guesser = new Client(ORIGIN);
    assertThat(logIn(guesser, "never-issued-code", nonce(guesser)).statusCode()).isEqualTo(401);
    Client forger = new Client(ORIGIN);
    assertThat(logIn(forger, "some-code", "A".repeat(43)).statusCode()).isEqualTo(400);

    HttpResponse<String> scrape = get(metrics);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
    String body = scrape.body();
    assertThat(sample(body, "miandeng_logins_total", "outcome=\"logged_in\"")).isEqualTo(1);
    assertThat(sample(body, "miandeng_logins_total", "outcome=\"code_refused\"")).isEqualTo(1);
    assertThat(sample(body, "miandeng_logins_total", "outcome=\"state_rejected\"")).isEqualTo(1);
    // The v2 exchange of alice's code succeeded, the guessed code was refused with a known code.
    assertThat(
            sample(
                body,
                "miandeng_feishu_calls_seconds_count",
                "code=\"0\"",
                "endpoint=\"exchange_code\"",
                "status=\"2xx\""))
        .isEqualTo(1);
    assertThat(sample(body, "miandeng_feishu_calls_seconds_count", "endpoint=\"user_info\""))
        .isEqualTo(1);
    assertThat(body)
        .containsPattern(
            "miandeng_feishu_calls_seconds_count\\{code=\"\\d+\",endpoint=\"exchange_code\","
                + "status=\"4xx\"} 1");
    assertThat(sample(body, "miandeng_sessions_lookups_total", "source=\"cache\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(body)
        .contains("miandeng_sessions_lookups_total{source=\"table\"}")
        .contains("jvm_memory_used_bytes{")
        .contains("jetty_threads_current ")
        .contains("hikaricp_connections_max{pool=\"miandeng-db\"}")
        .doesNotContain(feishu.roster().getFirst().openId());

    assertThat(get(metrics.resolve("/other")).statusCode()).isEqualTo(404);
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(metrics)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(405);
  }

  @Test
  @DisplayName(
      "REL-10: /metrics answers through the shutdown delay, while readiness says 503: Prometheus"
          + " scrapes the drain")
  void scrapedWhileDraining() throws Exception {
    start(Map.of("MIANDENG_MANAGEMENT_PORT", "0", "MIANDENG_SHUTDOWN_DELAY", "3s"));
    URI metrics = app.metricsUrl().orElseThrow();
    Thread stopping = Thread.ofPlatform().start(app::close);
    try {
      URI ready = instance.resolve("/health/ready");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (get(ready).statusCode() != 503) {
        assertThat(System.nanoTime()).as("readiness says 503 once stopping").isLessThan(deadline);
        Thread.sleep(20);
      }

      HttpResponse<String> scrape = get(metrics);

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("jvm_memory_used_bytes{").endsWith("\n");
    } finally {
      stopping.join();
    }
  }

  @Test
  @DisplayName("without MIANDENG_MANAGEMENT_PORT no metrics are served, not even on the app's port")
  void offByDefault() throws Exception {
    start(Map.of());

    assertThat(app.metricsUrl()).isEmpty();
    assertThat(new Client(ORIGIN).get(instance, "/metrics").statusCode()).isEqualTo(404);
  }

  private String nonce(Client browser) throws IOException, InterruptedException {
    HttpResponse<String> nonce = browser.post(instance, "/api/login/nonce", "{}");
    assertThat(nonce.statusCode()).isEqualTo(200);
    Matcher m = NONCE.matcher(nonce.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> logIn(Client browser, String code, String nonce)
      throws IOException, InterruptedException {
    return browser.post(
        instance, "/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + nonce + "\"}");
  }

  /** The value of the one sample of {@code name} whose labels include all of {@code labels}. */
  private static double sample(String scrape, String name, String... labels) {
    List<String> lines =
        scrape
            .lines()
            .filter(line -> line.startsWith(name + "{"))
            .filter(line -> List.of(labels).stream().allMatch(line::contains))
            .toList();
    assertThat(lines).as("%s with %s in%n%s", name, List.of(labels), scrape).hasSize(1);
    String line = lines.getFirst();
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String firstUser() {
    return feishu.roster().getFirst().openId();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
