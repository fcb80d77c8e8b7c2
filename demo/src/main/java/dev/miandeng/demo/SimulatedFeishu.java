package dev.miandeng.demo;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.app.FreePort;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.ConfigurationException;
import dev.miandeng.app.config.HttpConfig;
import dev.miandeng.app.config.ServedUrls;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's part of start-up: reads the demo's own settings, starts the Feishu simulator with the
 * app's callback registered, and gives the app a configuration that points it at the simulator
 * through the variables an operator sets for Feishu ({@code FEISHU_APP_ID}, its secret, both hosts,
 * {@code FEISHU_JSSDK_URL}). Every other setting, with its rules and refusals, is the production
 * app's.
 *
 * <p>The demo's settings, read like the app's (flags, environment, file):
 *
 * <ul>
 *   <li>{@code MIANDENG_FEISHU}: {@code simulator} runs the demo even where it would be refused
 *       (FEISHU_APP_ID set, or an https public URL); {@code real} is the production jar's job
 *   <li>{@code MIANDENG_SIMULATOR_PORT}: the simulator's port, 0 (a free one) by default
 * </ul>
 *
 * <p>{@code FEISHU_SCOPES} and {@code FEISHU_EXCHANGE} reach the app unchanged. Without a token key
 * ({@code MIANDENG_TOKEN_KEY} or its {@code _FILE}) the demo gives the app an ephemeral one, so the
 * token vault works out of the box; the start-up summary names it as the demo's, and grants stored
 * under it read as absent after a restart (the user consents again).
 */
public final class SimulatedFeishu implements AutoCloseable {

  static final String MODE = "MIANDENG_FEISHU";
  static final String SIMULATOR_PORT = "MIANDENG_SIMULATOR_PORT";
  private static final String SIMULATOR = "simulator";
  private static final String SOURCE = "the demo launcher";
  private static final String TOKEN_KEY = "MIANDENG_TOKEN_KEY";
  private static final String EPHEMERAL_KEY_SOURCE =
      "the demo launcher: an ephemeral key, new at every start";

  /** Feishu settings an operator may have set that the simulator decides instead. */
  private static final List<String> UNSET =
      List.of("FEISHU_APP_SECRET_FILE", "FEISHU_REDIRECT_URI");

  private final FeishuSimulator simulator;
  private final ConfigSources appConfig;

  private SimulatedFeishu(FeishuSimulator simulator, ConfigSources appConfig) {
    this.simulator = simulator;
    this.appConfig = appConfig;
  }

  /**
   * Starts the simulator on {@code MIANDENG_SIMULATOR_PORT}.
   *
   * @param config the configuration the user gave
   * @throws ConfigurationException naming the variable, when the demo's settings or the app's HTTP
   *     settings are refused, or when the configuration asks for real Feishu
   */
  public static SimulatedFeishu start(ConfigSources config, Clock clock) {
    return start(config, clock, false);
  }

  /** As {@link #start}, on a free port: for the doctor, while the demo may be running. */
  static SimulatedFeishu startOnAnyPort(ConfigSources config, Clock clock) {
    return start(config, clock, true);
  }

  private static SimulatedFeishu start(ConfigSources config, Clock clock, boolean anyPort) {
    boolean chosen = config.get(MODE).isPresent();
    if (config.oneOf(MODE, SIMULATOR, Set.of(SIMULATOR, "real")).equals("real")) {
      throw new ConfigurationException(
          MODE
              + "=real: the demo runs on the built-in Feishu simulator only; start the production"
              + " jar (java -jar app/target/miandeng.jar) to talk to Feishu");
    }
    int simulatorPort = config.integer(SIMULATOR_PORT, 0, 0, 65535);
    HttpConfig http = AppConfigReader.http(config);
    if (!chosen) {
      refuseAppId(config);
      refuseHttps(http);
    }
    int appPort = http.port() == 0 ? FreePort.find(http.host()) : http.port();
    URI publicUrl = http.publicBaseUrlOr(appPort);
    FeishuSimulator simulator =
        FeishuSimulator.start(
            SimulatorSettings.defaults()
                .withPort(anyPort ? 0 : simulatorPort)
                .withClock(clock)
                .withRedirectUris(List.of(ServedUrls.callback(publicUrl).toString())));
    Map<String, String> replacements = new HashMap<>(simulator.appEnvironment());
    replacements.put("MIANDENG_PORT", String.valueOf(appPort));
    replacements.put("MIANDENG_PUBLIC_BASE_URL", publicUrl.toString());
    UNSET.forEach(key -> replacements.put(key, ""));
    return new SimulatedFeishu(
        simulator, withTokenKey(config.with(replacements, SOURCE), new SecureRandom()));
  }

  /** The operator's token key if any, else an ephemeral one through the same variable. */
  private static ConfigSources withTokenKey(ConfigSources config, SecureRandom random) {
    if (config.get(TOKEN_KEY).isPresent() || config.get(TOKEN_KEY + "_FILE").isPresent()) {
      return config;
    }
    return config.with(Map.of(TOKEN_KEY, TokenKeyRing.ephemeralText(random)), EPHEMERAL_KEY_SOURCE);
  }

  /** An App ID means real Feishu was meant: running the simulator instead would hide that. */
  private static void refuseAppId(ConfigSources config) {
    if (config.get("FEISHU_APP_ID").isPresent()) {
      throw new ConfigurationException(
          "FEISHU_APP_ID is set (from "
              + config.sourceOf("FEISHU_APP_ID")
              + ") but the demo runs on the built-in Feishu simulator: start the production jar"
              + " (java -jar app/target/miandeng.jar; bin/run does when FEISHU_APP_ID is in the"
              + " environment), or set "
              + MODE
              + "=simulator to run the demo anyway");
    }
  }

  /**
   * An https public URL is a deployment; the simulator there is a stand-in anyone can log in to as
   * anyone. Only an explicit {@code MIANDENG_FEISHU=simulator} (a public demo) allows that.
   */
  private static void refuseHttps(HttpConfig http) {
    http.publicBaseUrl()
        .filter(url -> "https".equalsIgnoreCase(url.getScheme()))
        .ifPresent(
            url -> {
              throw new ConfigurationException(
                  "FEISHU_APP_ID is not set but MIANDENG_PUBLIC_BASE_URL is https ("
                      + url
                      + "): set FEISHU_APP_ID and FEISHU_APP_SECRET (or FEISHU_APP_SECRET_FILE)"
                      + " to talk to Feishu, or "
                      + MODE
                      + "=simulator to run the built-in simulator on purpose");
            });
  }

  /** The app's configuration: the user's, pointed at this simulator. */
  public ConfigSources appConfig() {
    return appConfig;
  }

  public FeishuSimulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
