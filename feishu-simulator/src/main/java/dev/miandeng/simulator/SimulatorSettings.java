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
 * @param redirectUris the app's registered redirect URLs (security settings): the browser flow's
 *     redirect_uri must equal one of them once its query and fragment are removed; empty = none
 *     registered, so the authorize page refuses every redirect_uri with 20029 (FAQ
 *     "how-to-resolve-the-authorization-page-20029-error": an app without redirect URLs)
 * @param enabledScopes the scopes the app has enabled in the developer console; asking for another
 *     one at authorize gives 20027 (obtain-oauth-code, FAQ "用户授权应用时报错 20027")
 */
public record SimulatorSettings(
    int port,
    String appId,
    String appSecret,
    Clock clock,
    Path rosterFile,
    List<String> redirectUris,
    List<String> enabledScopes) {

  public static final String DEFAULT_APP_ID = "cli_simulator";

  public SimulatorSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(clock, "clock");
    redirectUris = List.copyOf(redirectUris);
    enabledScopes = List.copyOf(enabledScopes);
  }

  /**
   * Port 0, app id {@value #DEFAULT_APP_ID}, a random secret, built-in roster, system clock, no
   * redirect URL registered, {@link Scopes#DEFAULT_ENABLED} enabled.
   */
  public static SimulatorSettings defaults() {
    return new SimulatorSettings(
        0,
        DEFAULT_APP_ID,
        randomSecret(),
        Clock.systemUTC(),
        null,
        List.of(),
        Scopes.DEFAULT_ENABLED);
  }

  public SimulatorSettings withPort(int newPort) {
    return new SimulatorSettings(
        newPort, appId, appSecret, clock, rosterFile, redirectUris, enabledScopes);
  }

  public SimulatorSettings withAppId(String newAppId) {
    return new SimulatorSettings(
        port, newAppId, appSecret, clock, rosterFile, redirectUris, enabledScopes);
  }

  public SimulatorSettings withAppSecret(String newAppSecret) {
    return new SimulatorSettings(
        port, appId, newAppSecret, clock, rosterFile, redirectUris, enabledScopes);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return new SimulatorSettings(
        port, appId, appSecret, newClock, rosterFile, redirectUris, enabledScopes);
  }

  public SimulatorSettings withRoster(Path newRosterFile) {
    return new SimulatorSettings(
        port, appId, appSecret, clock, newRosterFile, redirectUris, enabledScopes);
  }

  public SimulatorSettings withRedirectUris(List<String> newRedirectUris) {
    return new SimulatorSettings(
        port, appId, appSecret, clock, rosterFile, newRedirectUris, enabledScopes);
  }

  /** The same settings with the app's enabled scopes replaced. */
  public SimulatorSettings withEnabledScopes(List<String> newEnabledScopes) {
    return new SimulatorSettings(
        port, appId, appSecret, clock, rosterFile, redirectUris, newEnabledScopes);
  }

  private static String randomSecret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
