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
  /**
   * As {@link #ERRNO_103}, and the client also reports that 103 through the handlers registered
   * with {@code h5sdk.error}, before the call's own {@code fail}: the real client may report a
   * failure in both places (docs/feishu-auth-center.md §4, "register h5sdk.error(cb) for
   * failures").
   */
  H5SDK_ERROR("h5sdk-error"),
  /** The user refuses: requestAccess errno 2700002, requestAuthCode errno 107. */
  REFUSE("refuse"),
  /** The first call refuses, later calls succeed (until the mode is set again). */
  REFUSE_ONCE("refuse-once"),
  /**
   * The user logs in but refuses every scope beyond identity: requestAccess with such scopes not
   * yet granted fails with errno 2700002 without showing the consent sheet (identity-only calls and
   * requestAuthCode succeed). For tests and demos of the refused incremental consent.
   */
  REFUSE_SCOPES("refuse-scopes");

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
