package dev.miandeng.simulator;

import java.time.Duration;
import java.util.function.Supplier;

/** The two ways to get a user_access_token; they differ in token shape and refresh lifetime. */
enum UserTokenFamily {
  /** POST /open-apis/authen/v2/oauth/token: JWT-like tokens, refresh only with offline_access. */
  OAUTH_V2(Duration.ofDays(7), RandomTokens::jwtLike, RandomTokens::jwtLike, true),
  /** POST /open-apis/authen/v1/oidc/access_token: u-… / ur-…, refresh always given. */
  OIDC_V1(
      Duration.ofDays(30),
      () -> RandomTokens.opaque("u-", 48),
      () -> RandomTokens.opaque("ur-", 48),
      false);

  static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

  private final Duration refreshLifetime;
  private final Supplier<String> newAccessToken;
  private final Supplier<String> newRefreshToken;
  private final boolean refreshNeedsOfflineAccess;

  UserTokenFamily(
      Duration refreshLifetime,
      Supplier<String> newAccessToken,
      Supplier<String> newRefreshToken,
      boolean refreshNeedsOfflineAccess) {
    this.refreshLifetime = refreshLifetime;
    this.newAccessToken = newAccessToken;
    this.newRefreshToken = newRefreshToken;
    this.refreshNeedsOfflineAccess = refreshNeedsOfflineAccess;
  }

  Duration refreshLifetime() {
    return refreshLifetime;
  }

  String newAccessToken() {
    return newAccessToken.get();
  }

  String newRefreshToken() {
    return newRefreshToken.get();
  }

  /** Brief §3.2: the v2 endpoint only returns a refresh token when offline_access was granted. */
  boolean grantsRefresh(String scope) {
    return !refreshNeedsOfflineAccess || Scopes.grants(scope, Scopes.OFFLINE_ACCESS);
  }
}
