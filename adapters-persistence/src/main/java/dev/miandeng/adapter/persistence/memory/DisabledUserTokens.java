package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.util.Optional;

/**
 * {@link UserTokens} switched off: keeps nothing. The vault of a deployment that stores users in a
 * database but has no token key ({@code MIANDENG_TOKEN_KEY}): tokens are never stored in plaintext
 * (SEC-23), so they are not stored at all. Every user reads as "no grant", and {@link
 * #keepsGrants()} says so, so a call made as the user answers "this server keeps no tokens" instead
 * of asking for a consent that could not help; logins still work.
 */
public final class DisabledUserTokens implements UserTokens {

  /** False: every grant is dropped. */
  @Override
  public boolean keepsGrants() {
    return false;
  }

  /** Drops the grant. */
  @Override
  public void save(UserId userId, UserGrant grant) {
    // Nothing is kept: see the class comment.
  }

  /** Always empty. */
  @Override
  public Optional<StoredGrant> find(UserId userId) {
    return Optional.empty();
  }

  /** Always empty; {@code decision} is never called (there is no grant to decide on). */
  @Override
  public Optional<StoredGrant> changeExclusively(UserId userId, GrantChange.Decision decision) {
    return Optional.empty();
  }

  /** Always 0. */
  @Override
  public int deleteAllOf(UserId userId) {
    return 0;
  }
}
