package dev.miandeng.simulator;

import java.util.Objects;

/**
 * The simulated Feishu client's switches.
 *
 * @param mode how requestAccess / requestAuthCode behave
 * @param userOpenId the roster user the client is logged in as
 */
public record ClientSwitches(ClientMode mode, String userOpenId) {
  public ClientSwitches {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(userOpenId, "userOpenId");
  }
}
