package dev.miandeng.simulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link FeishuSimulator}. Start from {@link #defaults()} and change what matters.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param appId the only app the simulated tenant knows
 * @param appSecret that app's secret
 * @param clock drives every lifetime (tokens, codes): inject a mutable clock in tests
 * @param rosterFile a JSON list of {@link SimulatedUser}; null = the built-in roster
 * @param redirectUris allowed redirect_uri prefixes for the browser flow; empty = allow any
 */
public record SimulatorSettings(
    int port,
    String appId,
    String appSecret,
    Clock clock,
    Path rosterFile,
    List<String> redirectUris) {

  public static final String DEFAULT_APP_ID = "cli_simulator";

  public SimulatorSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(clock, "clock");
    redirectUris = List.copyOf(redirectUris);
  }

  /** Port 0, app id {@value #DEFAULT_APP_ID}, a random secret, built-in roster, system clock. */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        0, DEFAULT_APP_ID, randomSecret(), Clock.systemUTC(), null, List.of());
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(newPort, appId, appSecret, clock, rosterFile, redirectUris);
  }

  public SimulatorSettings withAppId(String newAppId) {
    return new SimulatorSettings(port, newAppId, appSecret, clock, rosterFile, redirectUris);
  }

  public SimulatorSettings withAppSecret(String newAppSecret) {
    return new SimulatorSettings(port, appId, newAppSecret, clock, rosterFile, redirectUris);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return new SimulatorSettings(port, appId, appSecret, newClock, rosterFile, redirectUris);
  }

  public SimulatorSettings withRoster(Path newRosterFile) {
    return new SimulatorSettings(port, appId, appSecret, clock, newRosterFile, redirectUris);
  }

  public SimulatorSettings withRedirectUris(List<String> newRedirectUris) {
    return new SimulatorSettings(port, appId, appSecret, clock, rosterFile, newRedirectUris);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
