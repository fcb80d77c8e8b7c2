package dev.miandeng.simulator;

/**
 * The simulator's base URL. It is only known once the server has bound its (possibly random) port,
 * after the routes were declared, so the routes read it from here at request time.
 */
final class PublicAddress {
  private volatile String baseUrl = "";

  void set(String url) {
    baseUrl = url;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The user's avatar URL: the roster's own, or the SVG the simulator serves. */
  String avatarUrlOf(SimulatedUser user) {
    return user.avatarUrl() != null && !user.avatarUrl().isBlank()
        ? user.avatarUrl()
        : baseUrl + AvatarRoutes.PATH_PREFIX + user.openId() + ".svg";
  }
}
