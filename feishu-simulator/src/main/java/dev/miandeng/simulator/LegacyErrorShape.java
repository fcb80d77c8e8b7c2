package dev.miandeng.simulator;

/**
 * The control switch for the older {@code {"errCode":N,"errMsg":"…"}} failure shape. No Feishu page
 * we found shows a server endpoint answering that way (every auth-center page documents {@code
 * code}/{@code msg}, or {@code code}/{@code error}/{@code error_description} on the v2 token
 * endpoint), so it is off by default and exists only so adapters can be tested against a body
 * without {@code code}.
 */
final class LegacyErrorShape {
  /** The request attribute the gate sets while the switch is on. */
  static final String ATTRIBUTE = "simulator.legacyErrorShape";

  private volatile boolean on;

  boolean on() {
    return on;
  }

  void on(boolean legacy) {
    on = legacy;
  }
}
