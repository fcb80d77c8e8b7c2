package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.identity.AccountKey;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link Users} in a map: for tests, demos and single-instance runs that may forget on restart. */
public final class InMemoryUsers implements Users {

  private final ConcurrentMap<AccountKey, User> byKey = new ConcurrentHashMap<>();
  private final ConcurrentMap<UserId, AccountKey> keyById = new ConcurrentHashMap<>();

  @Override
  public User recordLogin(Identity identity, Profile profile, Instant now) {
    // compute() runs atomically per key: concurrent first logins agree on one user (REL-12).
    User user =
        byKey.compute(
            identity.accountKey(),
            (key, existing) ->
                existing == null
                    ? new User(UserId.random(), identity, profile, now, now)
                    : new User(
                        existing.id(),
                        identity,
                        profile,
                        existing.firstLogin(),
                        later(existing.lastLogin(), now)));
    keyById.putIfAbsent(user.id(), identity.accountKey());
    return user;
  }

  @Override
  public Optional<User> findById(UserId id) {
    return Optional.ofNullable(keyById.get(id)).map(byKey::get);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
