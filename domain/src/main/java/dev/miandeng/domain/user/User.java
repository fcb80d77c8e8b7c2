package dev.miandeng.domain.user;

import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import java.time.Instant;
import java.util.Objects;

/** A person who has logged in at least once. */
public record User(
    UserId id, Identity identity, Profile profile, Instant firstLogin, Instant lastLogin) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(firstLogin, "firstLogin");
    Objects.requireNonNull(lastLogin, "lastLogin");
    if (lastLogin.isBefore(firstLogin)) {
      throw new IllegalArgumentException("lastLogin is before firstLogin");
    }
  }
}
