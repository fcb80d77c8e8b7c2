package dev.miandeng.domain.identity;

/**
 * The app's credentials or settings are wrong (bad secret, unknown app, wrong brand host, ...). The
 * message says what the operator must fix; no retry helps until they do.
 */
public final class AuthCenterMisconfiguredException extends IdentityLookupException {

  private static final long serialVersionUID = 1L;

  public AuthCenterMisconfiguredException(String message) {
    super(message, null);
  }
}
