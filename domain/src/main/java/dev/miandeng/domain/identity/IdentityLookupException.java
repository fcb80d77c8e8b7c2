package dev.miandeng.domain.identity;

/**
 * Everything {@link IdentityLookup} may throw; adapters translate their own failures into these.
 */
public abstract sealed class IdentityLookupException extends RuntimeException
    permits CodeRefusedException,
        UserNotAllowedException,
        AuthCenterUnavailableException,
        AuthCenterMisconfiguredException {

  private static final long serialVersionUID = 1L;

  protected IdentityLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}
