package dev.miandeng.adapter.redis;

import dev.miandeng.domain.identity.AccountKey;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users the sessions contract asks for beside the sessions: this adapter keeps no users, and
 * depends on no other adapter, so a map stands in for wherever a fork keeps them.
 */
final class MapUsers implements Users {

  private final Map<AccountKey, User> users = new ConcurrentHashMap<>();

  @Override
  public User recordLogin(Identity identity, Profile profile, Instant now) {
    return users.compute(
        identity.accountKey(),
        (key, old) ->
            old == null
                ? new User(UserId.random(), identity, profile, now, now)
                : new User(old.id(), identity, profile, old.firstLogin(), now));
  }

  @Override
  public Optional<User> findById(UserId id) {
    return users.values().stream().filter(u -> u.id().equals(id)).findFirst();
  }
}
