package dev.miandeng.adapter.feishu;

import dev.miandeng.simulator.FeishuSimulator;
import java.net.URI;
import java.time.Duration;

/** The adapter settings every simulator test starts from. */
final class OnSimulator {

  private OnSimulator() {}

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
