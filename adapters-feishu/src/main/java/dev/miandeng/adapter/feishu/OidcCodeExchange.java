package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.OidcCodeRequest;
import dev.miandeng.adapter.feishu.FeishuWire.OidcTokens;
import dev.miandeng.domain.identity.CodeGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The seed diagram's OIDC v1 exchange, authorised with the cached app_access_token. A stale app
 * token is rejected by Feishu before the code is looked at, so repeating the call once with a new
 * token (REL-07) does not spend the code twice.
 *
 * <p>Browser codes still go through v2: only v2 checks the PKCE verifier and the redirect_uri
 * (SEC-18, SEC-19), and dropping them would silently weaken the browser login.
 */
final class OidcCodeExchange implements CodeExchange {

  private final FeishuGrantApi api;
  private final RefreshingToken appToken;
  private final CodeExchange browserExchange;
  private final Clock clock;

  OidcCodeExchange(
      FeishuGrantApi api, RefreshingToken appToken, CodeExchange browserExchange, Clock clock) {
    this.api = api;
    this.appToken = appToken;
    this.browserExchange = browserExchange;
    this.clock = clock;
  }

  @Override
  public ExchangedTokens exchange(CodeGrant grant) {
    if (grant instanceof CodeGrant.FromBrowser) {
      return browserExchange.exchange(grant);
    }
    OidcCodeRequest request = OidcCodeRequest.of(grant.code().value());
    Instant sentAt = clock.instant();
    OidcTokens tokens = appToken.use(token -> api.oidcExchangeCode(token, request)).data();
    if (tokens == null || tokens.accessToken() == null || tokens.accessToken().isBlank()) {
      throw new FeishuAnswerMalformed("the OIDC token answer has no data.access_token");
    }
    return new ExchangedTokens(
        tokens.accessToken(), GrantReplies.fromOidc(tokens, sentAt, Set.of()));
  }
}
