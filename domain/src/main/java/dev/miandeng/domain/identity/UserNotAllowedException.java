package dev.miandeng.domain.identity;

/** The person is missing, resigned, frozen or not allowed to use this app. */
public final class UserNotAllowedException extends IdentityLookupException {

  private static final long serialVersionUID = 1L;

  public UserNotAllowedException(String message) {
    super(message, null);
  }
}
