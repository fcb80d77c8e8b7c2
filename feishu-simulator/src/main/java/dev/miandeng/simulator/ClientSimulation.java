package dev.miandeng.simulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated Feishu client: who is logged in and how it answers requestAccess / requestAuthCode.
 * The refusing modes are decided here, at call time, so a test can flip the mode and press "retry"
 * without reloading the page.
 */
final class ClientSimulation {
  static final int ERRNO_NOT_SUPPORTED = 103;
  static final int ERRNO_ACCESS_REFUSED = 2700002;
  static final int ERRNO_PERMISSION_DENIED = 107;

  /** What one JSAPI call gives. */
  sealed interface Outcome {}

  record Granted(SimulatedUser user) implements Outcome {}

  /**
   * A failed call.
   *
   * @param viaH5sdkError the client also reports it to the h5sdk.error handlers
   */
  record Failed(int errno, String errString, boolean viaH5sdkError) implements Outcome {
    Failed(int errno, String errString) {
      this(errno, errString, false);
    }
  }

  /**
   * What asking for scopes gives: nothing to ask (all granted before, or identity only), the sheet
   * to show, or a refusal (mode {@link ClientMode#REFUSE_SCOPES}).
   */
  sealed interface ScopeConsent {}

  record NothingToAsk() implements ScopeConsent {}

  record AskFor(List<String> scopes) implements ScopeConsent {}

  record RefusedScopes() implements ScopeConsent {}

  private final Roster roster;
  private ClientSwitches switches;
  private boolean refusedOnce;

  /** Scopes each user consented to through requestAccess: the sheet shows only new ones. */
  private final Map<String, Set<String>> consented = new HashMap<>();

  ClientSimulation(Roster roster) {
    this.roster = roster;
    this.switches = defaults();
  }

  synchronized ClientSwitches switches() {
    return switches;
  }

  /** Changes the given switches (null = keep); setting a mode re-arms "refuse-once". */
  synchronized void change(ClientMode mode, String userOpenId) {
    if (userOpenId != null) {
      roster.require(userOpenId);
    }
    switches =
        new ClientSwitches(
            mode == null ? switches.mode() : mode,
            userOpenId == null ? switches.userOpenId() : userOpenId);
    if (mode != null) {
      refusedOnce = false;
    }
  }

  synchronized void reset() {
    switches = defaults();
    refusedOnce = false;
    consented.clear();
  }

  /**
   * Whether requestAccess with {@code scopeList} must show the client's consent sheet (docs §4: a
   * non-empty list shows one; identity needs none; scopes the user granted before are not asked
   * again), for the logged-in user.
   */
  synchronized ScopeConsent consentFor(List<String> scopeList) {
    Set<String> before = consented.getOrDefault(switches.userOpenId(), Set.of());
    List<String> asked =
        scopeList.stream()
            .filter(scope -> !Scopes.IDENTITY.equals(scope) && !before.contains(scope))
            .distinct()
            .toList();
    if (asked.isEmpty()) {
      return new NothingToAsk();
    }
    return switches.mode() == ClientMode.REFUSE_SCOPES ? new RefusedScopes() : new AskFor(asked);
  }

  /** The logged-in user allowed {@code scopes} on the sheet. */
  synchronized void consent(List<String> scopes) {
    consented.computeIfAbsent(switches.userOpenId(), user -> new HashSet<>()).addAll(scopes);
  }

  synchronized SimulatedUser user() {
    return roster.require(switches.userOpenId());
  }

  synchronized Outcome call(CodeKind kind) {
    SimulatedUser user = roster.require(switches.userOpenId());
    return switch (switches.mode()) {
      case NORMAL, BROWSER, OLD_CLIENT, REFUSE_SCOPES -> new Granted(user);
      case ERRNO_103, H5SDK_ERROR ->
          kind == CodeKind.REQUEST_ACCESS
              ? new Failed(
                  ERRNO_NOT_SUPPORTED,
                  "requestAccess is not supported by this client",
                  switches.mode() == ClientMode.H5SDK_ERROR)
              : new Granted(user);
      case REFUSE -> refusal(kind);
      case REFUSE_ONCE -> {
        if (refusedOnce) {
          yield new Granted(user);
        }
        refusedOnce = true;
        yield refusal(kind);
      }
    };
  }

  private static Failed refusal(CodeKind kind) {
    return kind == CodeKind.REQUEST_ACCESS
        ? new Failed(ERRNO_ACCESS_REFUSED, "user refused the authorization")
        : new Failed(ERRNO_PERMISSION_DENIED, "user permission denied");
  }

  private ClientSwitches defaults() {
    return new ClientSwitches(ClientMode.NORMAL, roster.first().openId());
  }
}
