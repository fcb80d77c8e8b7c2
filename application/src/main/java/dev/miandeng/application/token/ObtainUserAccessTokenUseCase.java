package dev.miandeng.application.token;

import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Driving port: a user access token that works now, for an OpenAPI call made as the user. Outages
 * are not results: the vault's {@link dev.miandeng.domain.store.StoreUnavailableException} and the
 * refresher's {@link dev.miandeng.domain.identity.AuthCenterUnavailableException} reach the caller
 * (503), and the stored grant stays intact.
 */
public interface ObtainUserAccessTokenUseCase {

  Result obtain(UserId userId);

  /** Every way the request can end. */
  sealed interface Result {}

  /**
   * A token to send as {@code Authorization: Bearer}; {@link #toString()} masks it (SEC-23).
   *
   * @param accessToken the token, for the outgoing call only (never a log, a URL or the browser)
   * @param expiresAt when it stops working: more than the refresh margin away, unless another
   *     instance refreshed it just before with a shorter lifetime
   * @param scopes what the user granted
   */
  record Usable(String accessToken, Instant expiresAt, Set<String> scopes) implements Result {
    public Usable {
      Objects.requireNonNull(accessToken, "accessToken");
      Objects.requireNonNull(expiresAt, "expiresAt");
      scopes = Set.copyOf(scopes);
    }

    @Override
    public String toString() {
      return "Usable[expiresAt=" + expiresAt + ", scopes=" + scopes + ", token masked]";
    }
  }

  /**
   * No grant can be used: none was stored, its refresh token expired, or the server refused it
   * (used, revoked, expired), and the grant was deleted. The user must consent again.
   */
  record ConsentNeeded() implements Result {}

  /**
   * This server keeps no grants ({@link dev.miandeng.domain.token.UserTokens#keepsGrants()} is
   * false: a database vault without {@code MIANDENG_TOKEN_KEY}): a consent would be dropped like
   * every grant, so none is asked for. Only the operator can change it, by configuring a key.
   */
  record TokensNotKept() implements Result {}
}
