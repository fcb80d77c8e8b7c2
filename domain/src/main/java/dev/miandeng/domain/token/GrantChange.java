package dev.miandeng.domain.token;

import dev.miandeng.domain.identity.UserGrant;
import java.util.Objects;

/**
 * What to do with a stored grant, decided by {@link UserTokens#changeExclusively} while no other
 * caller, on any instance, can change the same user's grant.
 */
public sealed interface GrantChange {

  /** Leave the grant as it is (someone else refreshed it, or it is still fresh). */
  record Keep() implements GrantChange {}

  /** Store {@code next} instead (a refresh rotated the tokens). */
  record Replace(UserGrant next) implements GrantChange {
    public Replace {
      Objects.requireNonNull(next, "next");
    }
  }

  /** Delete the grant: it can no longer be refreshed, the user must consent again. */
  record End() implements GrantChange {}

  /** Decides the change from the grant stored now. */
  @FunctionalInterface
  interface Decision {

    /**
     * @param current the grant stored now, read under the exclusive hold
     * @return what to do with it; an exception instead leaves the grant untouched and reaches the
     *     caller of {@link UserTokens#changeExclusively} unchanged
     */
    GrantChange decide(StoredGrant current);
  }
}
