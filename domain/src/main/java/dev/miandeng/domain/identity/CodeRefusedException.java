package dev.miandeng.domain.identity;

/** The code is not found, already used or expired. Never retry it: ask the page for a fresh one. */
public final class CodeRefusedException extends IdentityLookupException {

  private static final long serialVersionUID = 1L;

  public CodeRefusedException(String message) {
    super(message, null);
  }
}
