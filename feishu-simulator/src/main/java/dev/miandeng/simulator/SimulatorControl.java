package dev.miandeng.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The control operations as Java methods (the control HTTP API under /_sim calls these too): issue
 * codes without a client, slow down or break the auth center, read the call counters and flip the
 * simulated client's switches. Thread-safe.
 */
public final class SimulatorControl {
  private final AppCredentials app;
  private final List<String> enabledScopes;
  private final Roster roster;
  private final CodeStore codes;
  private final UserTokenStore userTokens;
  private final RenewingTokenIssuer[] appLevelTokens;
  private final CallCounters counters;
  private final NetworkConditions conditions;
  private final FailureInjector failures;
  private final ClientSimulation client;
  private final LegacyErrorShape legacyShape;
  private final RenewingTokenIssuer jsapiTickets;

  SimulatorControl(
      AppCredentials app,
      List<String> enabledScopes,
      Roster roster,
      CodeStore codes,
      UserTokenStore userTokens,
      CallCounters counters,
      NetworkConditions conditions,
      FailureInjector failures,
      ClientSimulation client,
      LegacyErrorShape legacyShape,
      RenewingTokenIssuer jsapiTickets,
      RenewingTokenIssuer... appLevelTokens) {
    this.app = app;
    this.enabledScopes = List.copyOf(enabledScopes);
    this.roster = roster;
    this.codes = codes;
    this.userTokens = userTokens;
    this.counters = counters;
    this.conditions = conditions;
    this.failures = failures;
    this.client = client;
    this.legacyShape = legacyShape;
    this.jsapiTickets = jsapiTickets;
    this.appLevelTokens = appLevelTokens.clone();
  }

  /**
   * The scope codes issued here carry unless told otherwise: every scope the app has enabled (so
   * offline_access for refresh, and every user_info field), as for a user who has granted them all
   * before; grants accumulate (obtain-oauth-code).
   */
  public String defaultCodeScope() {
    return Scopes.join(enabledScopes);
  }

  /** A code for {@code openId} of the simulator's app, scope {@link #defaultCodeScope()}. */
  public String issueCode(String openId, CodeKind kind) {
    return issueCode(openId, kind, null, null, defaultCodeScope());
  }

  /** A code bound to a PKCE S256 challenge and a redirect_uri (either may be null). */
  public String issueCode(String openId, CodeKind kind, String codeChallenge, String redirectUri) {
    return issueCode(openId, kind, codeChallenge, redirectUri, defaultCodeScope());
  }

  /**
   * The general form.
   *
   * @param codeChallenge PKCE S256 challenge, or null
   * @param redirectUri the redirect_uri the exchange must repeat, or null
   * @param scope space separated scopes asked for ("" = identity only: no v2 refresh token)
   * @throws UnknownUserException when {@code openId} is not on the roster
   * @throws IllegalArgumentException when {@code scope} names a scope the app has not enabled (the
   *     authorize page would answer 20027)
   */
  public String issueCode(
      String openId, CodeKind kind, String codeChallenge, String redirectUri, String scope) {
    roster.require(openId);
    String notEnabled = Scopes.firstNotEnabled(scope, enabledScopes);
    if (notEnabled != null) {
      throw new IllegalArgumentException("the app has not enabled the scope " + notEnabled);
    }
    return codes
        .issue(
            app.appId(),
            openId,
            kind,
            scope,
            redirectUri,
            codeChallenge,
            codeChallenge == null ? null : Pkce.S256)
        .code();
  }

  /** Latency added to every auth-center endpoint (zero = none). */
  public void latency(Duration latency) {
    conditions.latency(latency);
  }

  /** The next {@code failure.count()} calls of {@code endpoint} answer {@code failure}. */
  public void failNext(SimulatedEndpoint endpoint, InjectedFailure failure) {
    failures.failNext(endpoint, failure);
  }

  /**
   * Shorthand: the next {@code count} calls answer {code, standard msg} with {@code httpStatus}.
   */
  public void failNext(SimulatedEndpoint endpoint, int count, int httpStatus, int code) {
    failNext(endpoint, new InjectedFailure(count, httpStatus, code, null, null));
  }

  /**
   * True: every auth-center error is written {errCode, errMsg} instead of {code, msg} (see {@link
   * LegacyErrorShape} for why this is a switch and not a default).
   */
  public void legacyErrorShape(boolean legacy) {
    legacyShape.on(legacy);
  }

  /** While down, every auth-center endpoint answers HTTP 503 {code:20072}. */
  public void down(boolean down) {
    conditions.down(down);
  }

  /** Every app, tenant and user token (and jsapi ticket) issued so far is invalid from now on. */
  public void expireTokens() {
    for (RenewingTokenIssuer tokens : appLevelTokens) {
      tokens.invalidateAll();
    }
    userTokens.invalidateAll();
  }

  /**
   * The current JSAPI ticket stops working at once, as a ticket Feishu no longer honours: configs
   * signed with it fail with 333441 and the next ticket call issues a new one.
   */
  public void staleJsapiTicket() {
    jsapiTickets.invalidateCurrent();
  }

  /** Calls received per endpoint wire name, failed ones included; every endpoint is present. */
  public Map<String, Integer> counters() {
    return counters.snapshot();
  }

  public int count(SimulatedEndpoint endpoint) {
    return counters.count(endpoint);
  }

  public ClientSwitches client() {
    return client.switches();
  }

  /** Sets the client switches; a null argument keeps the current value. */
  public void client(ClientMode mode, String userOpenId) {
    client.change(mode, userOpenId);
  }

  public void clientMode(ClientMode mode) {
    client.change(mode, null);
  }

  /**
   * Counters, failures, latency, down, client switches back to defaults; tokens and codes cleared.
   */
  public void reset() {
    counters.reset();
    failures.clear();
    conditions.reset();
    legacyShape.on(false);
    client.reset();
    codes.clear();
    userTokens.clear();
    for (RenewingTokenIssuer tokens : appLevelTokens) {
      tokens.invalidateAll();
    }
  }
}
