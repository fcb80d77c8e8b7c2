package dev.miandeng.app;

import dev.miandeng.adapter.web.PortInUseException;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.ConfigurationException;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
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

  /** Exit status of a configuration that start-up refuses. */
  private static final int REFUSED_CONFIGURATION = 2;

  /** Exit status of a store or port that cannot be had. */
  private static final int CANNOT_START = 1;

  private Main() {}

  public static void main(String[] args) {
    if (isDoctor(args)) {
      System.exit(
          SetupDoctor.run(doctorFlags(args), System.getenv(), line -> DOCTOR.info("{}", line)));
      return;
    }
    run(() -> ConfigSources.load(List.of(args), System.getenv()), () -> {});
  }

  /** True when the arguments ask for the setup doctor rather than the app. */
  public static boolean isDoctor(String[] args) {
    return args.length > 0 && args[0].equals(DOCTOR_COMMAND);
  }

  /** The doctor's flags: the arguments after the command. */
  public static List<String> doctorFlags(String[] args) {
    return List.of(args).subList(1, args.length);
  }

  /**
   * What {@code main} does: logs the version, reads and describes the configuration, starts the app
   * and says where to open it; on SIGTERM the app stops as REL-10 says. A launcher that wraps the
   * app (the demo) calls this with its own configuration. A refused configuration ends the JVM with
   * status 2, a store or port that cannot be had with status 1, each after one line naming what to
   * change.
   *
   * @param rawConfig the configuration's sources, read only here: a refusal while reading them is
   *     reported like any other refused configuration
   * @param afterStop run by the shutdown hook once the app has stopped: what the launcher started
   *     for the app (the demo's simulator) must outlive its shutdown delay and drain, and the JVM
   *     runs separate hooks at the same time
   */
  public static void run(Supplier<ConfigSources> rawConfig, Runnable afterStop) {
    LOG.info("{}", Version.line());
    AppConfig config;
    try {
      config = AppConfigReader.read(rawConfig.get());
    } catch (ConfigurationException e) {
      LOG.error("Configuration error: {}", e.getMessage());
      System.exit(REFUSED_CONFIGURATION);
      return;
    }
    if (config.operations().jsonLogs()) {
      JsonLogs.switchConsole();
    }
    config.describe().forEach(line -> LOG.info("{}", line));
    config.warnings().forEach(line -> LOG.warn("{}", line));
    Miandeng app;
    try {
      app = Miandeng.start(config, Clock.systemUTC());
    } catch (StoreUnavailableException e) {
      // The message names the store and the variable to check (MIANDENG_DB_URL,
      // MIANDENG_REDIS_URL).
      LOG.error("Cannot start: {}", e.getMessage());
      System.exit(CANNOT_START);
      return;
    } catch (PortInUseException e) {
      LOG.error(
          "Cannot start: {}; choose another port with --port=… (MIANDENG_PORT), or 0 for a free one",
          e.getMessage());
      System.exit(CANNOT_START);
      return;
    }
    // REL-10: on SIGTERM readiness turns 503, in-flight requests finish, then pools close.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("miandeng-shutdown")
                .unstarted(
                    () -> {
                      app.close();
                      afterStop.run();
                    }));
    LOG.info("miandeng is up. Open {}/", app.url());
  }
}
