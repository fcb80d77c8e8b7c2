package dev.miandeng.simulator;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulator from the command line and prints what a developer needs to point the app at
 * it: base URL, app id, app secret (a throw-away secret of this simulator, not a real one) and the
 * switches.
 */
public final class Main {
  static {
    // Before the first logger exists: use the simulator's console pattern unless the caller chose
    // a configuration. A library user (the app) never runs this, so its own logback.xml applies.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "simulator-logback.xml");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    SimulatorSettings settings;
    try {
      settings = MainArguments.parse(args, SimulatorSettings.defaults().withPort(8090));
    } catch (UsageException e) {
      LOG.error("{}\n{}", e.getMessage(), MainArguments.USAGE);
      System.exit(2);
      return;
    }
    FeishuSimulator simulator = FeishuSimulator.start(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    announce(simulator);
  }

  private static void announce(FeishuSimulator sim) {
    String base = sim.baseUrl();
    String users =
        sim.roster().stream()
            .map(user -> "    " + user.openId() + (user.disabled() ? " (disabled)" : ""))
            .collect(Collectors.joining("\n"));
    String modes =
        Arrays.stream(ClientMode.values())
            .map(ClientMode::wireName)
            .collect(Collectors.joining(" | "));
    LOG.info(
        """

        Feishu simulator running
          base URL (OpenAPI and accounts): {}
          app id:                          {}
          app secret:                      {}
          JSAPI shim:                      {}{}
          control page:                    {}/_sim
        Switches (control API, JSON):
          PUT  /_sim/client   {"mode": "{}", "user": "<openId>"}
          POST /_sim/down     {"down": true|false}
          POST /_sim/latency  {"millis": 500}
          POST /_sim/fail     {"endpoint": "oauth_token", "count": 1, "httpStatus": 503, "code": 20072}
          POST /_sim/fail     {"endpoint": "user_info", "mode": "bare|stall|oversize", ...}
          POST /_sim/error-shape {"shape": "errCode"|"code"}
          POST /_sim/expire-tokens, POST /_sim/reset, GET /_sim/counters, POST /_sim/codes
        Roster (openId):
        {}""",
        base,
        sim.appId(),
        sim.appSecret(),
        base,
        JsapiRoutes.SHIM_PATH,
        base,
        modes,
        users);
  }
}
