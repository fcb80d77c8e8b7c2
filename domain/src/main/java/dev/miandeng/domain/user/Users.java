package dev.miandeng.domain.user;

import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: the users we know. All methods may throw {@link
 * dev.miandeng.domain.store.StoreUnavailableException}.
 */
public interface Users {

  /**
   * Records a login: creates the user at the first login, else refreshes the profile and the last
   * login time. Race-safe: concurrent first logins of one person yield one user (REL-12), and every
   * caller gets that user's id.
   */
  User recordLogin(Identity identity, Profile profile, Instant now);

  Optional<User> findById(UserId id);
}
