package dev.miandeng.domain.token;

/**
 * The authorization server refused a refresh token for good (used, revoked or expired): the grant
 * is over and only a new consent makes another. Never thrown for outages.
 */
public final class RefreshTokenRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RefreshTokenRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
