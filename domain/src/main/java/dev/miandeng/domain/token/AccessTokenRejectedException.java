package dev.miandeng.domain.token;

/**
 * The provider refused the user's access token itself (Feishu 99991668 invalid, 99991677 expired):
 * the grant behind it was revoked, or the token was not issued for this app. Only a new consent
 * gives a token that works. Never thrown for outages.
 */
public final class AccessTokenRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AccessTokenRejectedException(String message) {
    super(message, null, false, false);
  }
}
