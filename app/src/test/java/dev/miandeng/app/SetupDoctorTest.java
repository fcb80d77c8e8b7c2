package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The setup doctor in-process, against the Feishu simulator on loopback (the real Feign adapter
 * does the talking) and against a tiny stub answering what Feishu answers a Lark app id.
 */
class SetupDoctorTest {

  private static final String PUBLIC_URL = "https://app.example.com";
  private static FeishuSimulator feishu;

  @BeforeAll
  static void startSimulator() {
    feishu = FeishuSimulator.start(SimulatorSettings.defaults().withPort(0));
  }

  @AfterAll
  static void stopSimulator() {
    feishu.close();
  }

  private record Report(int status, String text) {}

  private static Report doctor(Map<String, String> environment, String... flags) {
    List<String> lines = new ArrayList<>();
    int status = SetupDoctor.run(List.of(flags), environment, lines::add);
    return new Report(status, String.join("\n", lines));
  }

  /** A correct configuration for the simulator's app, as an operator would write it for Feishu. */
  private static Map<String, String> goodConfig() {
    Map<String, String> env = new HashMap<>();
    env.put("FEISHU_APP_ID", feishu.appId());
    env.put("FEISHU_APP_SECRET", feishu.appSecret());
    env.put("FEISHU_OPEN_API_BASE_URL", feishu.baseUrl());
    env.put("FEISHU_ACCOUNTS_BASE_URL", feishu.baseUrl());
    env.put("MIANDENG_PUBLIC_BASE_URL", PUBLIC_URL);
    env.put("FEISHU_SCOPES", "contact:user.email:readonly");
    return env;
  }

  @Test
  @DisplayName("a good configuration: exit 0, and exactly what to register in the console")
  void goodConfiguration() {
    Report report = doctor(goodConfig());

    assertThat(report.status()).as(report.text()).isZero();
    assertThat(report.text())
        .startsWith("miandeng ")
        .contains("credentials    accepted")
        .containsPattern("\n {4}https://app\\.example\\.com/ +the page that calls")
        .containsPattern("\n {4}https://app\\.example\\.com/callback +the browser login's")
        .contains("H5 可信域名", "    https://app.example.com\n")
        .contains("contact:user.email:readonly  FEISHU_SCOPES")
        .contains("20029", "20027", "10236")
        .endsWith("All checks passed.")
        .doesNotContain(feishu.appSecret());
  }

  @Test
  @DisplayName("the scopes to enable: FEISHU_SCOPES and those the My tasks card's consent asks for")
  void scopesToEnable() {
    Map<String, String> env = goodConfig();
    env.remove("FEISHU_SCOPES");

    Report report = doctor(env);

    assertThat(report.text())
        .contains("FEISHU_SCOPES is empty")
        .containsPattern("\n {4}offline_access, task:task:read +the \"My tasks\" card")
        .doesNotContain("none beyond identity");
  }

  @Test
  @DisplayName("SEC-16 embed origins start-up refuses (an http public URL): exit 1, named")
  void embedOriginsWithoutSecureCookies() {
    Map<String, String> env = goodConfig();
    env.put("MIANDENG_PUBLIC_BASE_URL", "http://app.example.com");
    env.put("MIANDENG_EMBED_ORIGINS", "https://host.example");

    Report report = doctor(env);

    assertThat(report.status()).isOne();
    assertThat(report.text())
        .contains("configuration  refused")
        .contains("MIANDENG_EMBED_ORIGINS: embed mode needs Secure cookies");
  }

  @Test
  @DisplayName("v3 with a client assertion and no App Secret: no token asked with an empty secret")
  void v3WithoutAppSecret() {
    Map<String, String> env = goodConfig();
    env.remove("FEISHU_APP_SECRET");
    env.put("FEISHU_EXCHANGE", "v3");
    env.put("FEISHU_CLIENT_ASSERTION_FILE", "/run/secrets/feishu-assertion.jwt");

    Report report = doctor(env);

    assertThat(report.status()).as(report.text()).isZero();
    assertThat(report.text())
        .contains("credentials    not checked: no FEISHU_APP_SECRET")
        .contains("JSAPI signature (tenant_access_token → JSSDK ticket)", "OIDC exchange")
        .doesNotContain("refused")
        .doesNotContain("current App Secret");
  }

  @Test
  @DisplayName("SEC-25 a wrong App Secret: exit 1 naming FEISHU_APP_SECRET, the secret not printed")
  void wrongSecret() {
    Map<String, String> env = goodConfig();
    env.put("FEISHU_APP_SECRET", "wrong-secret-for-test");

    Report report = doctor(env);

    assertThat(report.status()).as(report.text()).isOne();
    assertThat(report.text())
        .contains("1 problem:")
        .contains("FEISHU_APP_SECRET")
        .doesNotContain("wrong-secret-for-test");
  }

  @Test
  @DisplayName("SEC-19 a redirect URI the app does not serve: exit 1 naming FEISHU_REDIRECT_URI")
  void badRedirectUri() {
    Map<String, String> env = goodConfig();
    env.put("FEISHU_REDIRECT_URI", "https://app.example.com/sso/feishu/callback");

    Report report = doctor(env);

    assertThat(report.status()).isOne();
    assertThat(report.text())
        .contains("FEISHU_REDIRECT_URI must be https://app.example.com/callback")
        .contains("404");
  }

  @Test
  @DisplayName("SEC-25 a secret given as a flag: exit 1, the same refusal as start-up")
  void secretAsFlag() {
    Map<String, String> env = goodConfig();
    env.remove("FEISHU_APP_SECRET");

    Report report = doctor(env, "--feishu-app-secret=" + feishu.appSecret());

    assertThat(report.status()).isOne();
    assertThat(report.text()).contains("FEISHU_APP_SECRET was given as a command-line flag");
  }

  @Test
  @DisplayName(
      "a Lark app id on Feishu hosts (HTTP 200, code 10014): exit 1 naming the id and brand")
  void appIdUnknownOnTheseHosts() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpServer stub =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext(
        "/open-apis/auth/v3/app_access_token/internal",
        exchange -> {
          calls.incrementAndGet();
          byte[] body =
              "{\"code\":10014,\"msg\":\"app id not exists\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    stub.start();
    try {
      Map<String, String> env = goodConfig();
      String base = "http://127.0.0.1:" + stub.getAddress().getPort();
      env.put("FEISHU_OPEN_API_BASE_URL", base);
      env.put("FEISHU_ACCOUNTS_BASE_URL", base);

      Report report = doctor(env);

      assertThat(report.status()).isOne();
      assertThat(calls).hasValue(1);
      assertThat(report.text())
          .contains("FEISHU_APP_ID or FEISHU_BRAND / FEISHU_OPEN_API_BASE_URL:")
          .contains("10014")
          .contains("FEISHU_BRAND=lark");
      assertThat(report.text().substring(report.text().indexOf("problem")))
          .as("the secret is not blamed for an unknown app id")
          .doesNotContain("FEISHU_APP_SECRET");
    } finally {
      stub.stop(0);
    }
  }

  @Test
  @DisplayName("no answer from the auth center: exit 1 naming FEISHU_OPEN_API_BASE_URL")
  void unreachable() throws IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> env = goodConfig();
    env.put("FEISHU_OPEN_API_BASE_URL", "http://127.0.0.1:" + closedPort);

    Report report = doctor(env);

    assertThat(report.status()).isOne();
    assertThat(report.text()).contains("FEISHU_OPEN_API_BASE_URL");
  }
}
