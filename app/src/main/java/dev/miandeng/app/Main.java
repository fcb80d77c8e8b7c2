package dev.miandeng.app;

import dev.miandeng.adapter.web.PortInUseException;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigurationException;
import dev.miandeng.app.config.RawConfig;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.simulator.FeishuSimulator;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar app/target/miandeng.jar [--name=value ...]}: see the README's Configuration.
 * {@code java -jar app/target/miandeng.jar doctor [--name=value ...]} runs the {@link SetupDoctor}
 * instead and exits with its status.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger("miandeng");

  /** The doctor's report: logback prints this logger's lines bare, without time or level. */
  private static final Logger DOCTOR = LoggerFactory.getLogger("doctor");

  private static final String DOCTOR_COMMAND = "doctor";

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(DOCTOR_COMMAND)) {
      List<String> flags = List.of(args).subList(1, args.length);
      System.exit(SetupDoctor.run(flags, System.getenv(), line -> DOCTOR.info("{}", line)));
      return;
    }
    LOG.info("{}", Version.line());
    AppConfig config;
    try {
      config = AppConfigReader.read(RawConfig.load(List.of(args), System.getenv()));
    } catch (ConfigurationException e) {
      LOG.error("Configuration error: {}", e.getMessage());
      System.exit(2);
      return;
    }
    if (config.operations().jsonLogs()) {
      JsonLogs.switchConsole();
    }
    config.describe().forEach(line -> LOG.info("{}", line));
    Miandeng app;
    try {
      app = Miandeng.start(config, Clock.systemUTC());
    } catch (StoreUnavailableException e) {
      // The message names the store and the variable to check (MIANDENG_DB_URL,
      // MIANDENG_REDIS_URL).
      LOG.error("Cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    } catch (PortInUseException e) {
      LOG.error(
          "Cannot start: {}; choose another port with --port=… (MIANDENG_PORT), or 0 for a free one",
          e.getMessage());
      System.exit(1);
      return;
    }
    // REL-10: on SIGTERM readiness turns 503, in-flight requests finish, then pools close.
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().name("miandeng-shutdown").unstarted(app::close));
    LOG.info("miandeng is up. Open {}/", app.url());
    app.simulator().ifPresent(Main::explainSimulator);
  }

  private static void explainSimulator(FeishuSimulator simulator) {
    String base = simulator.baseUrl();
    LOG.info("No FEISHU_APP_ID set: running on the built-in Feishu simulator at {}", base);
    LOG.info(
        "  The page behaves as inside the Feishu client, logged in as {}.",
        simulator.roster().getFirst().name());
    LOG.info("  Switch client behaviour on the simulator's control page: {}/_sim/", base);
    LOG.info(
        "  or: curl -X PUT {}/_sim/client -H 'Content-Type: application/json' -d '{\"mode\":\"old-client\"}'",
        base);
    LOG.info(
        "  modes: normal | browser (plain browser: 'Log in with Feishu') | old-client | errno-103 | h5sdk-error | refuse | refuse-once");
  }
}
