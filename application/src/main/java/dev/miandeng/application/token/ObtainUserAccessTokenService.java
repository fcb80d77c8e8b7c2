package dev.miandeng.application.token;

import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokenRefresher;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Hands out the stored user access token, refreshing it first when it is in its last {@link
 * #REFRESH_MARGIN}. Refresh tokens are single use and rotate (a second use is refused and ends the
 * grant), so the refresh runs inside {@link UserTokens#changeExclusively}: across every instance
 * sharing the vault, one caller refreshes a given rotation, the others wait and take its result
 * (SEC-24, REL-06). An outage during the refresh leaves the stored grant as it was; a refresh token
 * the server refuses ends the grant. A vault that keeps no grants answers {@link TokensNotKept}
 * before anything is read.
 */
public final class ObtainUserAccessTokenService implements ObtainUserAccessTokenUseCase {

  /**
   * A token with this little left is refreshed before it is handed out: it must outlive the calls
   * made with it (each up to the read timeout, a retry after a rate limit's backoff) and the clock
   * difference between this host and the server, or the call fails half-way with "token expired"
   * (99991677). Five minutes covers these with room, and costs nothing: the token lives two hours.
   */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  private final UserTokens tokens;
  private final UserTokenRefresher refresher;
  private final Clock clock;

  public ObtainUserAccessTokenService(
      UserTokens tokens, UserTokenRefresher refresher, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.refresher = Objects.requireNonNull(refresher, "refresher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Result obtain(UserId userId) {
    if (!tokens.keepsGrants()) {
      return new TokensNotKept();
    }
    Instant now = clock.instant();
    StoredGrant seen = tokens.find(userId).orElse(null);
    if (seen == null) {
      return new ConsentNeeded();
    }
    if (seen.grant().accessLastsBeyond(now, REFRESH_MARGIN)) {
      return usable(seen);
    }
    return tokens
        .changeExclusively(userId, current -> decide(current, seen.version(), now))
        .filter(after -> after.grant().accessValidAt(now))
        .map(ObtainUserAccessTokenService::usable)
        .orElseGet(ConsentNeeded::new);
  }

  /** Runs while this caller holds the grant: no other refresh of it can run meanwhile. */
  private GrantChange decide(StoredGrant current, long seenVersion, Instant now) {
    if (current.version() != seenVersion && current.grant().accessValidAt(now)) {
      // Another caller refreshed (or the user logged in again) while we waited: take its grant.
      return new GrantChange.Keep();
    }
    if (current.grant().accessLastsBeyond(now, REFRESH_MARGIN)) {
      return new GrantChange.Keep();
    }
    if (!current.grant().refreshValidAt(now)) {
      return new GrantChange.End();
    }
    try {
      return new GrantChange.Replace(refresher.refresh(current.grant()));
    } catch (RefreshTokenRejectedException e) {
      return new GrantChange.End();
    }
  }

  private static Result usable(StoredGrant stored) {
    return new Usable(
        stored.grant().accessToken(), stored.grant().accessExpiresAt(), stored.grant().scopes());
  }
}
