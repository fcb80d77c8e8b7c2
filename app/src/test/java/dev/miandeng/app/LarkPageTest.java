package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The production app started with {@code FEISHU_BRAND=lark} and nothing else about hosts: the page
 * loads Lark's JSSDK and its Content Security Policy names Lark's hosts, not Feishu's. Starting
 * makes no call to Lark, so no network is needed.
 */
class LarkPageTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  @DisplayName("FEISHU_BRAND=lark: the page's JSSDK URL and its CSP are Lark's")
  void thePageLoadsLarksJssdk() throws Exception {
    int port = FreePort.find("127.0.0.1");
    Map<String, String> config =
        Map.of(
            "FEISHU_APP_ID", "cli_a1b2c3",
            "FEISHU_APP_SECRET", "s3cr3t-value-for-test",
            "FEISHU_BRAND", "lark",
            "MIANDENG_PERSISTENCE", "memory",
            "MIANDENG_PORT", String.valueOf(port),
            "MIANDENG_PUBLIC_BASE_URL", "http://127.0.0.1:" + port,
            "MIANDENG_SHUTDOWN_DELAY", "1ms");
    try (Miandeng app =
        Miandeng.start(AppConfigReader.read(ConfigSources.of(config)), Clock.systemUTC())) {
      HttpResponse<String> page = get(app.url(), "/");
      HttpResponse<String> clientConfig = get(app.url(), "/api/config");

      String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      assertThat(directive(csp, "script-src")).contains("https://lf-package-sg.larksuitecdn.com");
      assertThat(directive(csp, "img-src")).contains("https://open.larksuite.com");
      assertThat(csp).doesNotContain("feishu");
      assertThat(clientConfig.body())
          .contains("\"jssdkUrl\":\"" + FeishuSettings.LARK_JSSDK + "\"");
    }
  }

  private static HttpResponse<String> get(URI base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** One directive of a policy, e.g. "script-src 'self' https://…". */
  private static String directive(String policy, String name) {
    for (String part : policy.split(";")) {
      if (part.trim().startsWith(name + " ")) {
        return part.trim();
      }
    }
    throw new AssertionError(name + " missing from " + policy);
  }
}
