package dev.miandeng.app;

import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.application.UseCases;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Production app instances in one JVM on one Feishu simulator, as behind a round-robin balancer:
 * each on its own free port, all with the balancer's origin as their public URL (a loopback address
 * nobody serves; the browser believes it talks to it). Instances may be stopped and started again
 * on the same stores, as a restart or a rolling deployment would.
 *
 * <p>Each instance exposes its {@link UseCases}: the token vault's use case has no route yet, so
 * the tests drive it there, on the instance's real adapters.
 */
public final class AppInstances implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final FeishuSimulator simulator;
  private final String origin;
  private final List<Instance> started = new ArrayList<>();

  private AppInstances(FeishuSimulator simulator, String origin) {
    this.simulator = simulator;
    this.origin = origin;
  }

  /** Starts the simulator with the balancer's callback registered; no instance yet. */
  public static AppInstances onSimulator(SimulatorSettings settings) {
    String origin = "http://" + LOOPBACK + ":" + FreePort.find(LOOPBACK);
    return new AppInstances(
        FeishuSimulator.start(settings.withRedirectUris(List.of(origin + "/callback"))), origin);
  }

  /** One running instance: where it listens and its core. */
  public record Instance(URI url, UseCases useCases, Miandeng app) implements AutoCloseable {

    /** Stops it (idempotent). */
    @Override
    public void close() {
      app.close();
    }
  }

  /**
   * The configuration an instance starts with: these settings over the simulator's {@code
   * FEISHU_*}, the balancer's origin, a free port, no shutdown delay and no practical rate limit.
   */
  public AppConfig config(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>();
    all.put("MIANDENG_PORT", String.valueOf(FreePort.find(LOOPBACK)));
    all.put("MIANDENG_PUBLIC_BASE_URL", origin);
    all.put("MIANDENG_LOGIN_RATE_LIMIT", "10000");
    // No balancer probes these instances: stop at once instead of serving on for a probe period.
    all.put("MIANDENG_SHUTDOWN_DELAY", "1ms");
    all.putAll(simulator.appEnvironment());
    all.putAll(settings);
    return AppConfigReader.read(ConfigSources.of(all));
  }

  /** Starts one more instance with {@code settings} (see {@link #config}) and {@code clock}. */
  public Instance start(Map<String, String> settings, Clock clock) {
    AppConfig config = config(settings);
    Miandeng app = Miandeng.start(config, clock);
    Instance instance =
        new Instance(
            URI.create("http://" + LOOPBACK + ":" + config.http().port() + "/"),
            app.useCases(),
            app);
    started.add(instance);
    return instance;
  }

  public FeishuSimulator simulator() {
    return simulator;
  }

  /** The balancer's origin: the public URL of every instance, the page's Origin. */
  public String origin() {
    return origin;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).close();
    }
    simulator.close();
  }
}
