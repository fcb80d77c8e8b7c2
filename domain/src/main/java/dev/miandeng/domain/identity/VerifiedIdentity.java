package dev.miandeng.domain.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What the identity provider vouches for after a successful code exchange.
 *
 * @param identity who the person is
 * @param profile how they present themselves (names, avatar)
 * @param grant the OAuth grant the exchange returned, present only when it carries a refresh token
 *     (Feishu returns one when the {@code offline_access} scope was granted); the login keeps it in
 *     the token vault for OpenAPI calls made as the user
 */
public record VerifiedIdentity(Identity identity, Profile profile, Optional<UserGrant> grant) {
  public VerifiedIdentity {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(grant, "grant");
  }

  /** An identity without a grant to keep (no refresh token was issued). */
  public VerifiedIdentity(Identity identity, Profile profile) {
    this(identity, profile, Optional.empty());
  }
}
