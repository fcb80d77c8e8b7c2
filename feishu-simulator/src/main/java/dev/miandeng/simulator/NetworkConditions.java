package dev.miandeng.simulator;

import java.time.Duration;

/** Latency added to every auth-center call and whether the auth center is down. */
final class NetworkConditions {
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean down;

  Duration latency() {
    return latency;
  }

  void latency(Duration newLatency) {
    if (newLatency.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    latency = newLatency;
  }

  boolean down() {
    return down;
  }

  void down(boolean isDown) {
    down = isDown;
  }

  void reset() {
    latency = Duration.ZERO;
    down = false;
  }
}
