package dev.miandeng.domain.identity;

import java.util.Objects;

/** What the identity provider vouches for after a successful code exchange. */
public record VerifiedIdentity(Identity identity, Profile profile) {
  public VerifiedIdentity {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(profile, "profile");
  }
}
