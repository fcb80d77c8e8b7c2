package dev.miandeng.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Our own id for a user: never the provider's id, so a provider switch keeps accounts intact. */
public record UserId(UUID value) {

  public UserId {
    Objects.requireNonNull(value, "value");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
