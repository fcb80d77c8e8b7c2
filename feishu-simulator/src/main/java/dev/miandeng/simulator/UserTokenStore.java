package dev.miandeng.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * user_access_tokens and their refresh tokens. Refresh tokens are single use and rotate: a refresh
 * kills the old refresh token at once (a second use answers 20073) and leaves the old access token
 * a one-minute grace (brief §3.2).
 */
final class UserTokenStore {
  static final Duration GRACE_AFTER_REFRESH = Duration.ofMinutes(1);

  sealed interface AccessLookup {}

  record ValidAccess(UserGrant grant) implements AccessLookup {}

  record RefusedAccess(int errorCode) implements AccessLookup {}

  sealed interface RefreshOutcome {}

  record Rotated(UserGrant grant, UserTokens tokens) implements RefreshOutcome {}

  record RefusedRefresh(int errorCode) implements RefreshOutcome {}

  private enum RefreshState {
    ACTIVE,
    USED,
    REVOKED
  }

  private record AccessEntry(UserGrant grant, Instant expiresAt) {}

  private record RefreshEntry(
      UserGrant grant, Instant expiresAt, RefreshState state, String accessToken) {}

  private final Clock clock;
  private final int jwtLength;
  private final Map<String, AccessEntry> accessTokens = new HashMap<>();
  private final Map<String, RefreshEntry> refreshTokens = new HashMap<>();

  /**
   * @param jwtLength the length of JWT-like tokens in characters, 0 for the usual ~1.3 KB
   */
  UserTokenStore(Clock clock, int jwtLength) {
    this.clock = clock;
    this.jwtLength = jwtLength;
  }

  synchronized UserTokens issue(UserGrant grant) {
    Instant now = clock.instant();
    UserTokenFamily family = grant.family();
    String access = family.newAccessToken(jwtLength);
    accessTokens.put(access, new AccessEntry(grant, now.plus(UserTokenFamily.ACCESS_LIFETIME)));
    String refresh = null;
    long refreshExpiresIn = 0;
    if (family.grantsRefresh(grant.scope())) {
      refresh = family.newRefreshToken(jwtLength);
      refreshTokens.put(
          refresh,
          new RefreshEntry(grant, now.plus(family.refreshLifetime()), RefreshState.ACTIVE, access));
      refreshExpiresIn = family.refreshLifetime().toSeconds();
    }
    return new UserTokens(
        access,
        UserTokenFamily.ACCESS_LIFETIME.toSeconds(),
        refresh,
        refreshExpiresIn,
        grant.scope());
  }

  synchronized AccessLookup lookupAccess(String token) {
    AccessEntry entry = token == null ? null : accessTokens.get(token);
    if (entry == null) {
      return new RefusedAccess(ErrorCatalog.USER_TOKEN_INVALID);
    }
    if (!entry.expiresAt().isAfter(clock.instant())) {
      return new RefusedAccess(ErrorCatalog.USER_TOKEN_EXPIRED);
    }
    return new ValidAccess(entry.grant());
  }

  /** Rotates {@code refreshToken} if it is live and belongs to {@code appId} and {@code family}. */
  synchronized RefreshOutcome refresh(String refreshToken, String appId, UserTokenFamily family) {
    RefreshEntry entry = refreshToken == null ? null : refreshTokens.get(refreshToken);
    if (entry == null || !entry.grant().appId().equals(appId) || entry.grant().family() != family) {
      return new RefusedRefresh(ErrorCatalog.REFRESH_INVALID);
    }
    Instant now = clock.instant();
    switch (entry.state()) {
      case USED -> {
        return new RefusedRefresh(ErrorCatalog.REFRESH_USED);
      }
      case REVOKED -> {
        return new RefusedRefresh(ErrorCatalog.REFRESH_REVOKED);
      }
      case ACTIVE -> {
        if (!entry.expiresAt().isAfter(now)) {
          return new RefusedRefresh(ErrorCatalog.REFRESH_EXPIRED);
        }
      }
    }
    refreshTokens.put(
        refreshToken,
        new RefreshEntry(entry.grant(), entry.expiresAt(), RefreshState.USED, entry.accessToken()));
    accessTokens.computeIfPresent(
        entry.accessToken(),
        (token, old) -> {
          Instant graceEnd = now.plus(GRACE_AFTER_REFRESH);
          return old.expiresAt().isAfter(graceEnd) ? new AccessEntry(old.grant(), graceEnd) : old;
        });
    return new Rotated(entry.grant(), issue(entry.grant()));
  }

  /** Every user token issued so far is invalid now; refresh tokens answer "revoked". */
  synchronized void invalidateAll() {
    accessTokens.clear();
    refreshTokens.replaceAll(
        (token, entry) ->
            new RefreshEntry(
                entry.grant(), entry.expiresAt(), RefreshState.REVOKED, entry.accessToken()));
  }

  synchronized void clear() {
    accessTokens.clear();
    refreshTokens.clear();
  }
}
