package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2RefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.domain.token.UserGrant;
import dev.miandeng.domain.token.UserTokenRefresher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
    V2TokenReply reply;
    try {
      reply =
          api.refresh(
              V2RefreshRequest.of(settings.appId(), settings.appSecret(), current.refreshToken()));
    } catch (RuntimeException failure) {
      IdentityLookupException translated = FeishuFailures.translate(failure);
      if (translated instanceof CodeRefusedException
          || translated instanceof UserNotAllowedException) {
        throw new RefreshTokenRejectedException(
            "Feishu refused the refresh token: the user must consent again", translated);
      }
      throw translated;
    }
    return grantOf(reply, current, sentAt);
  }

  /** Lifetimes count from when the request left: the token is never believed to outlive them. */
  private static UserGrant grantOf(V2TokenReply reply, UserGrant current, Instant sentAt) {
    if (reply.accessToken() == null || reply.accessToken().isBlank() || reply.expiresIn() <= 0) {
      throw FeishuFailures.translate(
          new FeishuAnswerMalformed("the v2 refresh answer has no access_token or expires_in"));
    }
    if (reply.refreshToken() == null || reply.refreshToken().isBlank()) {
      throw new RefreshTokenRejectedException(
          "Feishu returned no refresh token (offline_access no longer granted)", null);
    }
    return new UserGrant(
        reply.accessToken(),
        sentAt.plus(Duration.ofSeconds(reply.expiresIn())),
        reply.refreshToken(),
        sentAt.plus(Duration.ofSeconds(Math.max(0, reply.refreshTokenExpiresIn()))),
        scopes(reply.scope(), current.scopes()));
  }

  /** The scopes the reply names (space separated); the previous ones when it names none. */
  private static Set<String> scopes(String scope, Set<String> previous) {
    if (scope == null || scope.isBlank()) {
      return previous;
    }
    return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
  }
}
