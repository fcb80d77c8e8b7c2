package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.ClientLoginSettings;
import dev.miandeng.domain.identity.ClientLoginSettingsSource;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * {@link IdentityLookup} against the Feishu / Lark auth center: exchanges the code (v2 by default,
 * OIDC v1 or v3 when configured), then asks user_info who the token belongs to. Every failure
 * leaves as one of the port's exceptions. As {@link ClientLoginSettingsSource} it tells the page
 * how to ask the Feishu client for that code.
 */
public final class FeishuIdentityLookup implements IdentityLookup, ClientLoginSettingsSource {

  private final FeishuSettings settings;
  private final CodeExchange exchange;
  private final FeishuReadApi readApi;
  private final SafeRetry retry;

  private FeishuIdentityLookup(
      FeishuSettings settings, CodeExchange exchange, FeishuReadApi readApi, SafeRetry retry) {
    this.settings = settings;
    this.exchange = exchange;
    this.readApi = readApi;
    this.retry = retry;
  }

  /** As {@link #create(FeishuSettings, Clock, MeterRegistry)}, counting into no shared registry. */
  public static FeishuIdentityLookup create(FeishuSettings settings, Clock clock) {
    return create(settings, clock, Sleeper.THREAD, FeishuMetrics.none());
  }

  /**
   * The composition root's entry point. The clock decides when cached app tokens are renewed; the
   * registry receives the meters {@link FeishuMetrics} lists.
   */
  public static FeishuIdentityLookup create(
      FeishuSettings settings, Clock clock, MeterRegistry registry) {
    return create(settings, clock, Sleeper.THREAD, new FeishuMetrics(registry));
  }

  /** For tests: the sleeper records backoff waits instead of sleeping. */
  static FeishuIdentityLookup create(FeishuSettings settings, Clock clock, Sleeper sleeper) {
    return create(settings, clock, sleeper, FeishuMetrics.none());
  }

  static FeishuIdentityLookup create(
      FeishuSettings settings, Clock clock, Sleeper sleeper, FeishuMetrics metrics) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    FeishuReadApi readApi = FeishuClients.build(FeishuReadApi.class, settings, metrics);
    FeishuGrantApi grantApi = FeishuClients.build(FeishuGrantApi.class, settings, metrics);
    SafeRetry retry = new SafeRetry(settings, sleeper, new SecureRandom());
    CodeExchange v2 = new V2CodeExchange(grantApi, settings, clock);
    CodeExchange exchange =
        switch (settings.exchange()) {
          case V2 -> v2;
          case OIDC ->
              new OidcCodeExchange(
                  grantApi,
                  AppTokens.appAccessToken(readApi, settings, retry, clock, metrics),
                  v2,
                  clock);
          case V3 ->
              new V3CodeExchange(
                  FeishuClients.accounts(settings, metrics),
                  ClientAuthentication.of(settings, clock),
                  settings,
                  clock);
        };
    return new FeishuIdentityLookup(settings, exchange, readApi, retry);
  }

  @Override
  public VerifiedIdentity identify(CodeGrant grant) {
    Objects.requireNonNull(grant, "grant");
    try {
      return Deadline.within(
          settings.loginDeadline(),
          () -> {
            ExchangedTokens tokens = exchange.exchange(grant);
            return UserInfoMapping.toVerifiedIdentity(
                retry.call("user_info", () -> readApi.userInfo(tokens.accessToken())).data(),
                tokens.grant());
          });
    } catch (RuntimeException failure) {
      throw FeishuFailures.translate(failure);
    }
  }

  @Override
  public ClientLoginSettings clientLoginSettings() {
    return settings.clientLoginSettings();
  }

  @Override
  public URI authorizeUrl(String state, PkceVerifier verifier, Set<String> extraScopes) {
    return AuthorizeUrl.of(settings, state, verifier, extraScopes);
  }
}
