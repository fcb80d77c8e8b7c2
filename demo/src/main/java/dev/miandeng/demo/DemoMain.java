package dev.miandeng.demo;

import dev.miandeng.app.Main;
import dev.miandeng.app.SetupDoctor;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.simulator.FeishuSimulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar demo/target/miandeng-demo.jar [--name=value ...]}: the production app on the
 * built-in Feishu simulator, in one JVM, with zero configuration ({@code bin/run} without
 * credentials). {@code ... doctor [--name=value ...]} runs the setup doctor against a simulator.
 * The settings are the app's (README "Configuration") plus the two of {@link SimulatedFeishu}.
 */
public final class DemoMain {

  private static final Logger LOG = LoggerFactory.getLogger("miandeng");

  /** The doctor's report: the app's logback prints this logger's lines bare. */
  private static final Logger DOCTOR = LoggerFactory.getLogger("doctor");

  static final int STARTED = 0;

  /** As the app's status for a start that failed. */
  static final int CANNOT_START = 1;

  private DemoMain() {}

  public static void main(String[] args) {
    if (Main.isDoctor(args)) {
      System.exit(doctor(Main.doctorFlags(args), System.getenv(), line -> DOCTOR.info("{}", line)));
      return;
    }
    int status = start(List.of(args), System.getenv(), Main::run);
    if (status != STARTED) {
      System.exit(status);
    }
  }

  /**
   * Starts the simulator, then the app on it through {@code app} ({@link Main#run}, which ends the
   * JVM itself on a refused configuration, status 2, or a store or port it cannot have, status 1:
   * the simulator's own shutdown hook closes it then). Once the app runs, the app's shutdown hook
   * closes the simulator after the app has stopped, and the simulator's own hook goes: the JVM runs
   * hooks side by side, so it closed the simulator while the app still served through its shutdown
   * delay, and every login then failed with 503. Anything else the start throws closes the
   * simulator here, whose threads would otherwise keep the JVM alive after the app failed.
   *
   * @param app starts the app on the configuration it is handed, and runs the second argument once
   *     the app has stopped
   * @return {@link #STARTED}, or {@link #CANNOT_START} after the simulator was closed
   */
  static int start(
      List<String> args,
      Map<String, String> environment,
      BiConsumer<Supplier<ConfigSources>, Runnable> app) {
    AtomicReference<SimulatedFeishu> feishu = new AtomicReference<>();
    AtomicReference<Thread> hook = new AtomicReference<>();
    try {
      app.accept(
          () -> {
            feishu.set(
                SimulatedFeishu.start(ConfigSources.load(args, environment), Clock.systemUTC()));
            hook.set(Thread.ofPlatform().name("simulator-shutdown").unstarted(feishu.get()::close));
            Runtime.getRuntime().addShutdownHook(hook.get());
            return feishu.get().appConfig();
          },
          () -> feishu.get().close());
    } catch (RuntimeException | Error e) {
      LOG.error("Cannot start the demo", e);
      if (hook.get() != null) {
        Runtime.getRuntime().removeShutdownHook(hook.get());
        feishu.get().close();
      }
      return CANNOT_START;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook.get());
    } catch (IllegalStateException shuttingDown) {
      // A SIGTERM already started the hooks; the simulator's closes beside the app's, as before.
    }
    explain(feishu.get().simulator());
    return STARTED;
  }

  /**
   * The setup doctor on the demo's configuration, against a simulator of its own on a free port.
   *
   * @return the doctor's exit status
   */
  static int doctor(List<String> flags, Map<String, String> environment, Consumer<String> out) {
    List<SimulatedFeishu> started = new ArrayList<>();
    try {
      return SetupDoctor.run(
          () -> {
            SimulatedFeishu feishu =
                SimulatedFeishu.startOnAnyPort(
                    ConfigSources.load(flags, environment), Clock.systemUTC());
            started.add(feishu);
            out.accept(
                "identity       no FEISHU_APP_ID: checking the built-in Feishu simulator at "
                    + feishu.simulator().baseUrl()
                    + " (what bin/run starts)");
            return feishu.appConfig();
          },
          out);
    } finally {
      started.forEach(SimulatedFeishu::close);
    }
  }

  private static void explain(FeishuSimulator simulator) {
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
        "  modes: normal | browser (plain browser: 'Log in with Feishu') | old-client | errno-103 | h5sdk-error | refuse | refuse-once | refuse-scopes");
  }
}
