package dev.miandeng.simulator;

import java.time.Duration;
import java.util.Arrays;

/** Where a one-time code came from; that decides how long it lives (brief §4 and §3.5). */
public enum CodeKind {
  /** {@code tt.requestAccess}: lives 3 minutes. */
  REQUEST_ACCESS("requestAccess", Duration.ofMinutes(3)),
  /** Legacy {@code tt.requestAuthCode}: lives 5 minutes. */
  REQUEST_AUTH_CODE("requestAuthCode", Duration.ofMinutes(5)),
  /** The browser authorize page: lives 5 minutes. */
  BROWSER("browser", Duration.ofMinutes(5));

  private final String wireName;
  private final Duration lifetime;

  CodeKind(String wireName, Duration lifetime) {
    this.wireName = wireName;
    this.lifetime = lifetime;
  }

  public String wireName() {
    return wireName;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** The kind named {@code name} on the wire, e.g. "requestAccess". */
  public static CodeKind fromWireName(String name) {
    return Arrays.stream(values())
        .filter(kind -> kind.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown code kind: " + name));
  }
}
