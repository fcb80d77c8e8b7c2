package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.OidcRefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.OidcTokens;
import dev.miandeng.adapter.feishu.FeishuWire.V2RefreshRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V3TokenRequest;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.domain.token.UserTokenRefresher;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserTokenRefresher} on Feishu's refresh grants, each grant at the endpoint family that
 * issued it ({@link GrantFamily}; another family answers 20026):
 *
 * <ul>
 *   <li>v2: {@code POST /open-apis/authen/v2/oauth/token}, {@code grant_type=refresh_token}, client
 *       id and secret in the body (doc page {@code
 *       authentication-management/access-token/refresh-user-access-token});
 *   <li>OIDC: {@code POST /open-apis/authen/v1/oidc/refresh_access_token} with the cached
 *       app_access_token (historic {@code authen-v1/oidc-refresh_access_token/create}). A stale app
 *       token is rejected before the refresh token is looked at, so that call alone is repeated
 *       once with a new app token (REL-07);
 *   <li>v3: {@code POST <accounts host>/oauth/v3/token} with {@link ClientAuthentication} (facts
 *       page section 3.3a).
 * </ul>
 *
 * The refresh token is single use and the reply carries the next one; the old access token keeps
 * working about a minute more. Otherwise sent once, never retried (REL-02).
 *
 * <p>Outcomes, decided here for every family, through the one error table ({@link
 * FeishuErrorTable}): the refresh-token codes (20026 invalid, 20037 expired, 20064 revoked or used,
 * 20073 used) and the user codes (20010 no longer allowed, …) end the grant ({@link
 * RefreshTokenRejectedException}); a reply without a refresh token ({@code offline_access} no
 * longer granted) ends it too, since the old one is spent; network failures, timeouts and 5xx are
 * {@link dev.miandeng.domain.identity.AuthCenterUnavailableException}; wrong credentials (or none
 * configured for the grant's family) are {@link AuthCenterMisconfiguredException}.
 */
public final class FeishuUserTokenRefresher implements UserTokenRefresher {

  /** One family's refresh grant: sends Feishu's refresh token once, reads the reply. */
  @FunctionalInterface
  interface FamilyRefresh {
    Optional<UserGrant> refresh(String feishuRefreshToken, Set<String> scopes, Instant sentAt);
  }

  private final Map<GrantFamily, FamilyRefresh> families;
  private final Clock clock;

  FeishuUserTokenRefresher(Map<GrantFamily, FamilyRefresh> families, Clock clock) {
    this.families = Map.copyOf(families);
    this.clock = clock;
  }

  /** As {@link #create(FeishuSettings, Clock, MeterRegistry)}, counting into no shared registry. */
  public static FeishuUserTokenRefresher create(FeishuSettings settings, Clock clock) {
    return create(settings, clock, FeishuMetrics.none());
  }

  /**
   * The composition root's entry point: every family's refresh, each with the credentials it needs
   * (a family without them fails as misconfigured when one of its grants comes up). The clock turns
   * Feishu's lifetimes into instants; the registry receives the meters {@link FeishuMetrics} lists.
   */
  public static FeishuUserTokenRefresher create(
      FeishuSettings settings, Clock clock, MeterRegistry registry) {
    return create(settings, clock, new FeishuMetrics(registry));
  }

  static FeishuUserTokenRefresher create(
      FeishuSettings settings, Clock clock, FeishuMetrics metrics) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    FeishuGrantApi grantApi = FeishuClients.build(FeishuGrantApi.class, settings, metrics);
    FeishuReadApi readApi = FeishuClients.build(FeishuReadApi.class, settings, metrics);
    FeishuAccountsApi accountsApi = FeishuClients.accounts(settings, metrics);
    RefreshingToken appToken =
        AppTokens.appAccessToken(
            readApi,
            settings,
            new SafeRetry(settings, Sleeper.THREAD, new SecureRandom()),
            clock,
            metrics);
    ClientAuthentication client = ClientAuthentication.of(settings, clock);

    Map<GrantFamily, FamilyRefresh> families = new EnumMap<>(GrantFamily.class);
    families.put(
        GrantFamily.V2,
        (token, scopes, sentAt) ->
            GrantReplies.fromV2(
                grantApi.refresh(V2RefreshRequest.of(settings.appId(), secret(settings), token)),
                sentAt,
                scopes));
    families.put(
        GrantFamily.OIDC,
        (token, scopes, sentAt) -> {
          OidcRefreshRequest request = OidcRefreshRequest.of(token);
          OidcTokens tokens = appToken.use(app -> grantApi.oidcRefresh(app, request)).data();
          if (tokens == null) {
            throw new FeishuAnswerMalformed("the OIDC refresh answer has no data");
          }
          return GrantReplies.fromOidc(tokens, sentAt, scopes);
        });
    families.put(
        GrantFamily.V3,
        (token, scopes, sentAt) ->
            GrantReplies.fromV3(
                accountsApi.v3Token(V3TokenRequest.refresh(client.fields(), token)),
                sentAt,
                scopes));
    return new FeishuUserTokenRefresher(families, clock);
  }

  @Override
  public UserGrant refresh(UserGrant current) {
    GrantFamily family = GrantFamily.of(current.refreshToken());
    Optional<UserGrant> next;
    try {
      next =
          families
              .get(family)
              .refresh(
                  family.feishuToken(current.refreshToken()), current.scopes(), clock.instant());
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

  /** The v2 grant authenticates with the secret only. */
  private static String secret(FeishuSettings settings) {
    if (!settings.hasAppSecret()) {
      throw new AuthCenterMisconfiguredException(
          "a grant issued by the v2 exchange is refreshed with FEISHU_APP_SECRET, which is not set");
    }
    return settings.appSecret();
  }
}
