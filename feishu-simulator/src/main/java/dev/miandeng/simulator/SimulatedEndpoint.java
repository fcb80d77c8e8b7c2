package dev.miandeng.simulator;

import java.util.Arrays;

/** The auth-center endpoints the control API can count, slow down and break. */
public enum SimulatedEndpoint {
  APP_ACCESS_TOKEN("app_access_token", false),
  TENANT_ACCESS_TOKEN("tenant_access_token", false),
  OAUTH_TOKEN("oauth_token", true),
  OAUTH_V3_TOKEN("oauth_v3_token", true),
  OIDC_ACCESS_TOKEN("oidc_access_token", false),
  OIDC_REFRESH_ACCESS_TOKEN("oidc_refresh_access_token", false),
  USER_INFO("user_info", false),
  JSSDK_TICKET("jssdk_ticket", false),
  /** task/v2/tasks, the OpenAPI call the demo makes as the user. */
  TASKS("tasks", false);

  private final String wireName;
  private final boolean oauthErrorShape;

  SimulatedEndpoint(String wireName, boolean oauthErrorShape) {
    this.wireName = wireName;
    this.oauthErrorShape = oauthErrorShape;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * True when this endpoint reports errors the OAuth 2.0 way ({code, error, error_description})
   * instead of the OpenAPI way ({code, msg}).
   */
  boolean oauthErrorShape() {
    return oauthErrorShape;
  }

  public static SimulatedEndpoint fromWireName(String name) {
    return Arrays.stream(values())
        .filter(endpoint -> endpoint.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown endpoint: " + name));
  }
}
