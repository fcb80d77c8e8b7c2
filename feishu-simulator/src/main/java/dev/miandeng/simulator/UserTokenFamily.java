package dev.miandeng.simulator;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The ways to get a user_access_token; they differ in token shape and refresh lifetime, and each
 * refreshes only its own refresh tokens (another family's is 20026).
 */
enum UserTokenFamily {
  /** POST /open-apis/authen/v2/oauth/token: JWT-like tokens, refresh only with offline_access. */
  OAUTH_V2(Duration.ofDays(7), RandomTokens::jwtLike, RandomTokens::jwtLike, true),
  /** POST &lt;accounts&gt;/oauth/v3/token: as v2 (brief §3.3a). */
  OAUTH_V3(Duration.ofDays(7), RandomTokens::jwtLike, RandomTokens::jwtLike, true),
  /** POST /open-apis/authen/v1/oidc/access_token: u-… / ur-…, refresh always given. */
  OIDC_V1(
      Duration.ofDays(30),
      length -> RandomTokens.opaque("u-", 48),
      length -> RandomTokens.opaque("ur-", 48),
      false);

  static final Duration ACCESS_LIFETIME = Duration.ofHours(2);

  private final Duration refreshLifetime;
  private final IntFunction<String> newAccessToken;
  private final IntFunction<String> newRefreshToken;
  private final boolean refreshNeedsOfflineAccess;

  UserTokenFamily(
      Duration refreshLifetime,
      IntFunction<String> newAccessToken,
      IntFunction<String> newRefreshToken,
      boolean refreshNeedsOfflineAccess) {
    this.refreshLifetime = refreshLifetime;
    this.newAccessToken = newAccessToken;
    this.newRefreshToken = newRefreshToken;
    this.refreshNeedsOfflineAccess = refreshNeedsOfflineAccess;
  }

  Duration refreshLifetime() {
    return refreshLifetime;
  }

  /** A new access token; {@code jwtLength} is the length of JWT-like ones, 0 the usual size. */
  String newAccessToken(int jwtLength) {
    return newAccessToken.apply(jwtLength);
  }

  String newRefreshToken(int jwtLength) {
    return newRefreshToken.apply(jwtLength);
  }

  /** Brief §3.2: the v2 endpoint only returns a refresh token when offline_access was granted. */
  boolean grantsRefresh(String scope) {
    return !refreshNeedsOfflineAccess || Scopes.grants(scope, Scopes.OFFLINE_ACCESS);
  }
}
