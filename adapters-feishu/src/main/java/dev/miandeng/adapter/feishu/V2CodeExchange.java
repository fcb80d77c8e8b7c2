package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2CodeRequest;
import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.domain.identity.CodeGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The v2 OAuth exchange: client id and secret in the body. A browser code brings the configured
 * redirect_uri (byte-identical to the authorize URL's, SEC-19) and its PKCE verifier (SEC-18); a
 * JSAPI code brings neither, as the in-client guide does.
 */
final class V2CodeExchange implements CodeExchange {

  private final FeishuGrantApi api;
  private final FeishuSettings settings;
  private final Clock clock;

  V2CodeExchange(FeishuGrantApi api, FeishuSettings settings, Clock clock) {
    this.api = api;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ExchangedTokens exchange(CodeGrant grant) {
    V2CodeRequest request =
        switch (grant) {
          case CodeGrant.FromClient client ->
              V2CodeRequest.of(
                  settings.appId(), settings.appSecret(), client.code().value(), null, null);
          case CodeGrant.FromBrowser browser ->
              V2CodeRequest.of(
                  settings.appId(),
                  settings.appSecret(),
                  browser.code().value(),
                  settings.redirectUri(),
                  browser.verifier().value());
        };
    Instant sentAt = clock.instant();
    V2TokenReply reply = api.exchangeCode(request);
    return new ExchangedTokens(reply.accessToken(), GrantReplies.fromV2(reply, sentAt, Set.of()));
  }
}
