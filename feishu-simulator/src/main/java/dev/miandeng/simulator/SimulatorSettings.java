package dev.miandeng.simulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
 * @param clientAssertion the RFC 7523 client assertion the v3 token endpoint accepts in place of
 *     the secret (the simulator checks equality, not a signature); empty: none is accepted
 * @param tokenLength the length in characters of JWT-like tokens (v2/v3 user tokens, app and tenant
 *     tokens), at least 200; 0: Feishu's usual sizes (~1.3 KB user tokens, short app tokens)
 */
public record SimulatorSettings(
    int port,
    String appId,
    String appSecret,
    Clock clock,
    Path rosterFile,
    List<String> redirectUris,
    List<String> enabledScopes,
    String clientAssertion,
    int tokenLength) {

  public static final String DEFAULT_APP_ID = "cli_simulator";

  /** The longest tokens the simulator issues: request headers carrying them must still fit. */
  public static final int MAX_TOKEN_LENGTH = 16 * 1024;

  public SimulatorSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(clock, "clock");
    redirectUris = List.copyOf(redirectUris);
    enabledScopes = List.copyOf(enabledScopes);
    Objects.requireNonNull(clientAssertion, "clientAssertion");
    if (tokenLength != 0 && (tokenLength < 200 || tokenLength > MAX_TOKEN_LENGTH)) {
      throw new IllegalArgumentException(
          "tokenLength must be 0 or 200-" + MAX_TOKEN_LENGTH + ": " + tokenLength);
    }
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
        Scopes.DEFAULT_ENABLED,
        "",
        0);
  }

  public SimulatorSettings withPort(int newPort) {
    return with(d -> d.port = newPort);
  }

  public SimulatorSettings withAppId(String newAppId) {
    return with(d -> d.appId = newAppId);
  }

  public SimulatorSettings withAppSecret(String newAppSecret) {
    return with(d -> d.appSecret = newAppSecret);
  }

  public SimulatorSettings withClock(Clock newClock) {
    return with(d -> d.clock = newClock);
  }

  public SimulatorSettings withRoster(Path newRosterFile) {
    return with(d -> d.rosterFile = newRosterFile);
  }

  public SimulatorSettings withRedirectUris(List<String> newRedirectUris) {
    return with(d -> d.redirectUris = newRedirectUris);
  }

  /** The same settings with the app's enabled scopes replaced. */
  public SimulatorSettings withEnabledScopes(List<String> newEnabledScopes) {
    return with(d -> d.enabledScopes = newEnabledScopes);
  }

  /** The same settings with a client assertion the v3 token endpoint accepts. */
  public SimulatorSettings withClientAssertion(String assertion) {
    return with(d -> d.clientAssertion = assertion);
  }

  /** The same settings issuing JWT-like tokens of {@code length} characters (0: usual sizes). */
  public SimulatorSettings withTokenLength(int length) {
    return with(d -> d.tokenLength = length);
  }

  /** A copy with some fields changed, validated again by the canonical constructor. */
  private SimulatorSettings with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The fields of a copy under construction: each wither names only what it changes. */
  private static final class Draft {
    private int port;
    private String appId;
    private String appSecret;
    private Clock clock;
    private Path rosterFile;
    private List<String> redirectUris;
    private List<String> enabledScopes;
    private String clientAssertion;
    private int tokenLength;

    private Draft(SimulatorSettings s) {
      port = s.port;
      appId = s.appId;
      appSecret = s.appSecret;
      clock = s.clock;
      rosterFile = s.rosterFile;
      redirectUris = s.redirectUris;
      enabledScopes = s.enabledScopes;
      clientAssertion = s.clientAssertion;
      tokenLength = s.tokenLength;
    }

    private SimulatorSettings build() {
      return new SimulatorSettings(
          port,
          appId,
          appSecret,
          clock,
          rosterFile,
          redirectUris,
          enabledScopes,
          clientAssertion,
          tokenLength);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
