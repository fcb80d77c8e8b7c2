package dev.miandeng.app;

import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.ServedUrls;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The production app on a Feishu simulator on loopback, as the tests run it: the simulator has the
 * app's callback registered, and the app is pointed at it through the {@code FEISHU_*} variables an
 * operator would set for Feishu ({@link FeishuSimulator#appEnvironment()}), on a free port.
 */
public final class AppOnSimulator implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final FeishuSimulator simulator;
  private final Miandeng app;

  private AppOnSimulator(FeishuSimulator simulator, Miandeng app) {
    this.simulator = simulator;
    this.app = app;
  }

  /**
   * Starts the simulator, then the app.
   *
   * @param config the app's other settings by variable name; port and public URL are chosen here
   * @throws RuntimeException whatever start-up throws, with the simulator closed again
   */
  public static AppOnSimulator start(Map<String, String> config) {
    int port = FreePort.find(LOOPBACK);
    URI url = URI.create("http://" + LOOPBACK + ":" + port);
    FeishuSimulator simulator =
        FeishuSimulator.start(
            SimulatorSettings.defaults()
                .withRedirectUris(List.of(ServedUrls.callback(url).toString())));
    try {
      Map<String, String> all = new HashMap<>(config);
      all.putAll(simulator.appEnvironment());
      all.put("MIANDENG_PORT", String.valueOf(port));
      all.put("MIANDENG_PUBLIC_BASE_URL", url.toString());
      return new AppOnSimulator(
          simulator,
          Miandeng.start(AppConfigReader.read(ConfigSources.of(all)), Clock.systemUTC()));
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /** The page's address, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return app.url();
  }

  public FeishuSimulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    app.close();
    simulator.close();
  }
}
