package dev.miandeng.simulator;

import java.util.Arrays;

/** How the simulated Feishu client behaves towards the page (the JSAPI shim's main switch). */
public enum ClientMode {
  /** requestAccess and requestAuthCode succeed. */
  NORMAL("normal"),
  /** An ordinary browser outside Feishu: the shim defines nothing. */
  BROWSER("browser"),
  /** A client whose JSSDK predates requestAccess: {@code tt.requestAccess} is undefined. */
  OLD_CLIENT("old-client"),
  /** requestAccess fails with errno 103 (API not supported); requestAuthCode works. */
  ERRNO_103("errno-103"),
  /** The user refuses: requestAccess errno 2700002, requestAuthCode errno 107. */
  REFUSE("refuse"),
  /** The first call refuses, later calls succeed (until the mode is set again). */
  REFUSE_ONCE("refuse-once");

  private final String wireName;

  ClientMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static ClientMode fromWireName(String name) {
    return Arrays.stream(values())
        .filter(mode -> mode.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown client mode: " + name));
  }
}
