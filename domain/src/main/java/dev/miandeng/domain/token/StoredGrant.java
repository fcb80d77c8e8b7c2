package dev.miandeng.domain.token;

import dev.miandeng.domain.identity.UserGrant;
import java.util.Objects;

/**
 * A user's grant as the vault holds it.
 *
 * @param grant the grant
 * @param version how many times this user's grant was written (1 for the first save); it tells a
 *     caller that waited for a refresh whether the grant rotated meanwhile
 */
public record StoredGrant(UserGrant grant, long version) {

  public StoredGrant {
    Objects.requireNonNull(grant, "grant");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  /** The stored value after {@code next} replaced this one. */
  public StoredGrant replacedBy(UserGrant next) {
    return new StoredGrant(next, version + 1);
  }
}
