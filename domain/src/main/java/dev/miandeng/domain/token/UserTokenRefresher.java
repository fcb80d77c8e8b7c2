package dev.miandeng.domain.token;

import dev.miandeng.domain.identity.UserGrant;

/**
 * Driven port: the authorization server's refresh grant (RFC 6749 §6). Refresh tokens are single
 * use: a call must never be repeated once it may have reached the server, so implementations do not
 * retry it.
 */
public interface UserTokenRefresher {

  /**
   * Exchanges the grant's refresh token for a new grant.
   *
   * @return the new grant, with the rotated refresh token
   * @throws RefreshTokenRejectedException the server says the refresh token is used, revoked or
   *     expired: the grant is over
   * @throws dev.miandeng.domain.identity.AuthCenterUnavailableException the server could not be
   *     reached or failed (network, timeout, 5xx, rate limit): the grant may still be good
   * @throws dev.miandeng.domain.identity.AuthCenterMisconfiguredException our credentials are wrong
   */
  UserGrant refresh(UserGrant current);
}
