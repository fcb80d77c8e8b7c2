package dev.miandeng.adapter.feishu;

import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The simulator a test class shares and the adapter settings every simulator test starts from.
 * Registered as {@code @RegisterExtension static final OnSimulator SIMULATOR = new OnSimulator();}
 * it starts the simulator before the class, resets it before each test and closes it after the
 * class.
 */
final class OnSimulator implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private FeishuSimulator sim;

  @Override
  public void beforeAll(ExtensionContext context) {
    sim = FeishuSimulator.start(SimulatorSettings.defaults());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sim.control().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sim.close();
  }

  FeishuSimulator sim() {
    return sim;
  }

  /** {@link #settings(FeishuSimulator, String)} on this class's simulator. */
  FeishuSettings settings(String redirectUri) {
    return settings(sim, redirectUri);
  }

  /**
   * Both hosts on {@code sim}, timeouts generous enough for a loaded build machine, and three tries
   * with millisecond backoffs (the tests sleep with a no-op {@link Sleeper} anyway).
   */
  static FeishuSettings settings(FeishuSimulator sim, String redirectUri) {
    URI base = URI.create(sim.baseUrl());
    return FeishuSettings.of(sim.appId(), sim.appSecret(), redirectUri)
        .withHosts(base, base)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(5));
  }
}
