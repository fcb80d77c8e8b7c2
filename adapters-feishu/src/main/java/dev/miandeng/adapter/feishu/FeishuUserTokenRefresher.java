package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2RefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.domain.token.UserTokenRefresher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UserTokenRefresher} on Feishu's v2 refresh grant ({@code POST
 * /open-apis/authen/v2/oauth/token}, {@code grant_type=refresh_token}; doc page {@code
 * authentication-management/access-token/refresh-user-access-token}). The refresh token is single
 * use and the reply carries the next one; the old access token keeps working about a minute more.
 * Sent once, never retried (REL-02). Only refresh tokens issued by the v2 exchange are accepted (an
 * OIDC v1 one is answered 20026).
 *
 * <p>Outcomes, through the one error table ({@link FeishuErrorTable}): the refresh-token codes
 * (20026 invalid, 20037 expired, 20064 revoked or used, 20073 used) and the user codes (20010 no
 * longer allowed, …) end the grant ({@link RefreshTokenRejectedException}); a reply without a
 * refresh token ({@code offline_access} no longer granted) ends it too, since the old one is spent;
 * network failures, timeouts and 5xx are {@link
 * dev.miandeng.domain.identity.AuthCenterUnavailableException}; wrong credentials are {@link
 * dev.miandeng.domain.identity.AuthCenterMisconfiguredException}.
 */
public final class FeishuUserTokenRefresher implements UserTokenRefresher {

  private final FeishuGrantApi api;
  private final FeishuSettings settings;
  private final Clock clock;

  FeishuUserTokenRefresher(FeishuGrantApi api, FeishuSettings settings, Clock clock) {
    this.api = api;
    this.settings = settings;
    this.clock = clock;
  }

  /** The composition root's entry point; the clock turns Feishu's lifetimes into instants. */
  public static FeishuUserTokenRefresher create(FeishuSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    return new FeishuUserTokenRefresher(
        FeishuClients.build(FeishuGrantApi.class, settings, FeishuMetrics.none()), settings, clock);
  }

  @Override
  public UserGrant refresh(UserGrant current) {
    Instant sentAt = clock.instant();
    Optional<UserGrant> next;
    try {
      V2TokenReply reply =
          api.refresh(
              V2RefreshRequest.of(settings.appId(), settings.appSecret(), current.refreshToken()));
      next = GrantReplies.fromV2(reply, sentAt, current.scopes());
    } catch (RuntimeException failure) {
      IdentityLookupException translated = FeishuFailures.translate(failure);
      if (translated instanceof CodeRefusedException
          || translated instanceof UserNotAllowedException) {
        throw new RefreshTokenRejectedException(
            "Feishu refused the refresh token: the user must consent again", translated);
      }
      throw translated;
    }
    // No refresh token in the reply: offline_access is no longer granted, and the old one is spent.
    return next.orElseThrow(
        () ->
            new RefreshTokenRejectedException(
                "Feishu returned no refresh token (offline_access no longer granted)", null));
  }
}
