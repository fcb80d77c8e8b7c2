package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.ConfigurationException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatedFeishuTest {

  private static AppConfig appConfigOf(ConfigSources config) {
    try (SimulatedFeishu feishu = SimulatedFeishu.start(config, Clock.systemUTC())) {
      AppConfig app = AppConfigReader.read(feishu.appConfig());
      assertThat(app.identity().openApiBaseUrl())
          .isEqualTo(URI.create(feishu.simulator().baseUrl()));
      return app;
    }
  }

  @Test
  @DisplayName(
      "zero configuration: the app is pointed at the simulator by FEISHU_* and runs on a concrete"
          + " port whose callback the simulator knows")
  void zeroConfiguration() {
    try (SimulatedFeishu feishu =
        SimulatedFeishu.start(ConfigSources.of(Map.of("MIANDENG_PORT", "0")), Clock.systemUTC())) {
      AppConfig app = AppConfigReader.read(feishu.appConfig());
      FeishuSettings identity = app.identity();
      String simulator = feishu.simulator().baseUrl();

      assertThat(app.http().port()).isPositive();
      URI publicUrl = app.http().publicBaseUrl().orElseThrow();
      assertThat(publicUrl).isEqualTo(URI.create("http://127.0.0.1:" + app.http().port()));
      assertThat(identity.appId()).isEqualTo(feishu.simulator().appId());
      assertThat(identity.appSecret()).isEqualTo(feishu.simulator().appSecret());
      assertThat(identity.openApiBaseUrl()).isEqualTo(URI.create(simulator));
      assertThat(identity.accountsBaseUrl()).isEqualTo(URI.create(simulator));
      assertThat(identity.redirectUri()).isEqualTo(publicUrl + "/callback");
      assertThat(identity.clientLoginSettings().clientScript())
          .isEqualTo(URI.create(feishu.simulator().jssdkUrl()));
    }
  }

  @Test
  @DisplayName("the port 8080 default stays, and the demo's own settings are no typos to the app")
  void defaultsAndDemoSettings() {
    ConfigSources flags =
        ConfigSources.load(
            List.of("--feishu=simulator", "--simulator-port=0", "--feishu-scopes=contact:x"),
            Map.of());

    AppConfig app = appConfigOf(flags);

    assertThat(app.http().port()).isEqualTo(8080);
    assertThat(app.identity().scopes()).containsExactly("contact:x");
  }

  @Test
  @DisplayName("an App ID means real Feishu: the demo refuses unless MIANDENG_FEISHU=simulator")
  void appIdIsRefused() {
    Map<String, String> withAppId = Map.of("FEISHU_APP_ID", "cli_real", "MIANDENG_PORT", "0");

    assertThatThrownBy(() -> SimulatedFeishu.start(ConfigSources.of(withAppId), Clock.systemUTC()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_APP_ID is set")
        .hasMessageContaining("app/target/miandeng.jar");
    ConfigSources chosen =
        ConfigSources.of(
            Map.of(
                "FEISHU_APP_ID", "cli_real", "MIANDENG_PORT", "0", "MIANDENG_FEISHU", "simulator"));
    assertThat(appConfigOf(chosen).identity().appId()).isNotEqualTo("cli_real");
  }

  @Test
  @DisplayName(
      "an https public URL without FEISHU_APP_ID is refused instead of running the simulator,"
          + " unless MIANDENG_FEISHU=simulator says so")
  void httpsIsRefusedUnlessChosen() {
    String https = "https://demo.example.com";

    assertThatThrownBy(
            () ->
                SimulatedFeishu.start(
                    ConfigSources.of(Map.of("MIANDENG_PUBLIC_BASE_URL", https)), Clock.systemUTC()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_APP_ID is not set but MIANDENG_PUBLIC_BASE_URL is https")
        .hasMessageContaining("MIANDENG_FEISHU=simulator");
    AppConfig chosen =
        appConfigOf(
            ConfigSources.of(
                Map.of("MIANDENG_PUBLIC_BASE_URL", https, "MIANDENG_FEISHU", "simulator")));
    assertThat(chosen.identity().redirectUri()).isEqualTo(https + "/callback");
    assertThat(
            appConfigOf(
                    ConfigSources.of(Map.of("MIANDENG_PUBLIC_BASE_URL", "http://127.0.0.1:9000")))
                .http()
                .port())
        .as("plain http stays a local demo")
        .isEqualTo(8080);
  }

  @Test
  @DisplayName("MIANDENG_FEISHU=real is the production jar's job; other words list the choices")
  void otherModesAreRefused() {
    assertThatThrownBy(
            () ->
                SimulatedFeishu.start(
                    ConfigSources.of(Map.of("MIANDENG_FEISHU", "real")), Clock.systemUTC()))
        .hasMessageContaining("production jar");
    assertThatThrownBy(
            () ->
                SimulatedFeishu.start(
                    ConfigSources.of(Map.of("MIANDENG_FEISHU", "fake")), Clock.systemUTC()))
        .hasMessageContaining("[real, simulator]");
    assertThatThrownBy(
            () ->
                SimulatedFeishu.start(
                    ConfigSources.of(Map.of("MIANDENG_SIMULATOR_PORT", "99999")),
                    Clock.systemUTC()))
        .hasMessageContaining("MIANDENG_SIMULATOR_PORT");
  }

  @Test
  @DisplayName(
      "SEC-23 the demo gives the vault an ephemeral key through MIANDENG_TOKEN_KEY and the summary"
          + " says so; an operator's key is kept; memory needs none")
  void anEphemeralTokenKey() {
    AppConfig demo = appConfigOf(ConfigSources.of(Map.of("MIANDENG_PORT", "0")));
    String key = "own:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    AppConfig own =
        appConfigOf(ConfigSources.of(Map.of("MIANDENG_PORT", "0", "MIANDENG_TOKEN_KEY", key)));
    AppConfig memory =
        appConfigOf(
            ConfigSources.of(Map.of("MIANDENG_PORT", "0", "MIANDENG_PERSISTENCE", "memory")));

    assertThat(demo.persistence().userTokens().keys().orElseThrow().currentKeyId())
        .startsWith("ephemeral-");
    assertThat(String.join("\n", demo.describe()))
        .containsPattern("token vault: in the database, sealed with key id 'ephemeral-[0-9a-f]{8}'")
        .contains(
            "from MIANDENG_TOKEN_KEY (the demo launcher: an ephemeral key, new at every start)");
    assertThat(own.persistence().userTokens().keys().orElseThrow().currentKeyId()).isEqualTo("own");
    assertThat(memory.persistence().userTokens()).hasToString("in memory, lost at restart");
  }
}
