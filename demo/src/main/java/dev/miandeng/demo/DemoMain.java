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
import java.util.function.Consumer;
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

  private DemoMain() {}

  public static void main(String[] args) {
    if (Main.isDoctor(args)) {
      System.exit(doctor(Main.doctorFlags(args), System.getenv(), line -> DOCTOR.info("{}", line)));
      return;
    }
    AtomicReference<SimulatedFeishu> feishu = new AtomicReference<>();
    Main.run(
        () -> {
          feishu.set(
              SimulatedFeishu.start(
                  ConfigSources.load(List.of(args), System.getenv()), Clock.systemUTC()));
          return feishu.get().appConfig();
        });
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform().name("simulator-shutdown").unstarted(feishu.get()::close));
    explain(feishu.get().simulator());
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
