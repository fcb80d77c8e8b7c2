package dev.miandeng.domain.token;

import java.util.Set;

/**
 * An OpenAPI call made as the user was refused because the user has not granted a scope it needs
 * (Feishu 99991679). The remedy is the user's consent to those scopes (incremental consent), not a
 * retry. Never thrown for outages.
 */
public final class ScopeNotGrantedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Set<String> anyOf;

  /**
   * @param anyOf the scopes the provider named, any one of which would do; may be empty when the
   *     provider named none
   */
  public ScopeNotGrantedException(Set<String> anyOf) {
    super("the user has not granted any of the scopes " + anyOf, null, false, false);
    this.anyOf = Set.copyOf(anyOf);
  }

  /** The scopes the provider named, any one of which would do. */
  public Set<String> anyOf() {
    return anyOf;
  }
}
