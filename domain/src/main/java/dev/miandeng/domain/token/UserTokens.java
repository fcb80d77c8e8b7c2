package dev.miandeng.domain.token;

import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.user.UserId;
import java.util.Optional;

/**
 * Driven port: the token vault, one OAuth grant per user. All methods may throw {@link
 * dev.miandeng.domain.store.StoreUnavailableException}. Stores that keep grants beyond the process
 * keep the tokens encrypted (SEC-23); a grant a store can no longer read (its key was removed) is
 * reported as absent.
 */
public interface UserTokens {

  /**
   * Whether this vault keeps grants at all. A vault switched off (a database without a token key:
   * tokens are never stored in plaintext, SEC-23) drops every grant it is given, so no consent can
   * ever make a call as the user possible; the use cases answer that instead of asking for one.
   *
   * @return true unless every {@link #save} is dropped
   */
  default boolean keepsGrants() {
    return true;
  }

  /** Stores the grant of a login, replacing the user's previous one (its version + 1, or 1). */
  void save(UserId userId, UserGrant grant);

  /** The user's grant, if one is stored and readable. */
  Optional<StoredGrant> find(UserId userId);

  /**
   * Changes the user's grant while holding it exclusively: across every instance sharing the store,
   * at most one {@code decision} for a user runs at a time, and {@link #save} and {@link
   * #deleteAllOf} for that user wait for it (SEC-24, REL-06). A caller that waited reads the grant
   * as the previous holder left it. The decision may call the network (a refresh grant): the hold
   * lasts as long as it runs.
   *
   * @return the grant stored afterwards: the current one for {@link GrantChange.Keep}, the new one
   *     (version + 1) for {@link GrantChange.Replace}, empty for {@link GrantChange.End} or when
   *     the user has no readable grant (then {@code decision} is not called)
   * @throws RuntimeException whatever {@code decision} throws, with the grant left as it was
   */
  Optional<StoredGrant> changeExclusively(UserId userId, GrantChange.Decision decision);

  /** Deletes the user's grant ("log out everywhere", SEC-10); returns how many were deleted. */
  int deleteAllOf(UserId userId);
}
