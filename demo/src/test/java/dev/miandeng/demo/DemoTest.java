package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.app.Miandeng;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The demo as bin/run starts it, in process: the production app on a simulator of its own. */
class DemoTest {

  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The browser's cookies, name=value, as the app set them. */
  private final Map<String, String> cookies = new LinkedHashMap<>();

  private SimulatedFeishu feishu;
  private Miandeng app;

  @BeforeEach
  void start() {
    feishu =
        SimulatedFeishu.start(
            ConfigSources.of(
                Map.of(
                    "MIANDENG_PORT", "0",
                    "MIANDENG_PERSISTENCE", "memory",
                    "MIANDENG_SHUTDOWN_DELAY", "1ms")),
            Clock.systemUTC());
    app = Miandeng.start(AppConfigReader.read(feishu.appConfig()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    app.close();
    feishu.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.url().resolve(path)).timeout(Duration.ofSeconds(10));
    if (!cookies.isEmpty()) {
      request.header("Cookie", String.join("; ", cookies.values()));
    }
    if (method.equals("POST")) {
      request
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json")
          .header("Origin", app.url().toString())
          .header("X-Requested-With", "miandeng");
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      cookies.put(pair.substring(0, pair.indexOf('=')), pair);
    }
    return response;
  }

  @Test
  @DisplayName(
      "the page is told the simulator's app id and shim, and the CSP allows the simulator's origin"
          + " for the shim, its calls and the avatars")
  void pageSettingsComeFromTheSimulator() throws Exception {
    FeishuSimulator simulator = feishu.simulator();

    HttpResponse<String> config = send("GET", "/api/config", "");

    assertThat(config.body())
        .contains("\"appId\":\"" + simulator.appId() + "\"")
        .contains("\"jssdkUrl\":\"" + simulator.jssdkUrl() + "\"");
    assertThat(config.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self' " + simulator.baseUrl() + ";")
                    .contains("connect-src 'self' " + simulator.baseUrl() + ";")
                    .contains("img-src 'self' data: https: " + simulator.baseUrl() + ";"));
  }

  @Test
  @DisplayName("a code the simulator's client hands out logs the first roster user in")
  void logsInThroughTheSimulator() throws Exception {
    FeishuSimulator simulator = feishu.simulator();
    HttpResponse<String> nonce = send("POST", "/api/login/nonce", "{}");
    Matcher m = NONCE.matcher(nonce.body());
    assertThat(m.find()).as(nonce.body()).isTrue();
    String code =
        simulator
            .control()
            .issueCode(simulator.roster().getFirst().openId(), CodeKind.REQUEST_ACCESS);

    HttpResponse<String> session =
        send(
            "POST", "/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + m.group(1) + "\"}");

    assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
    assertThat(send("GET", "/api/me", "").body()).contains(simulator.roster().getFirst().name());
  }

  @Test
  @DisplayName("the browser login's redirect URI is registered at the simulator")
  void browserLoginGoesToTheSimulatorsAuthorizePage() throws Exception {
    HttpResponse<String> login = send("GET", "/login", "");

    assertThat(login.statusCode()).isEqualTo(302);
    URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
    assertThat(authorize.toString()).startsWith(feishu.simulator().baseUrl());
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
  }
}
