package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.V3TokenRequest;
import dev.miandeng.domain.identity.CodeGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The v3 exchange ({@code POST <accounts host>/oauth/v3/token}, facts page section 3.3a): the v2
 * body, the client authenticated by {@link ClientAuthentication}. A browser code brings the
 * configured redirect_uri (SEC-19) and its PKCE verifier (SEC-18); a JSAPI code neither, as with
 * v2.
 */
final class V3CodeExchange implements CodeExchange {

  private final FeishuAccountsApi api;
  private final ClientAuthentication client;
  private final FeishuSettings settings;
  private final Clock clock;

  V3CodeExchange(
      FeishuAccountsApi api, ClientAuthentication client, FeishuSettings settings, Clock clock) {
    this.api = api;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ExchangedTokens exchange(CodeGrant grant) {
    V3TokenRequest request =
        switch (grant) {
          case CodeGrant.FromClient fromClient ->
              V3TokenRequest.code(client.fields(), fromClient.code().value(), null, null);
          case CodeGrant.FromBrowser browser ->
              V3TokenRequest.code(
                  client.fields(),
                  browser.code().value(),
                  settings.redirectUri(),
                  browser.verifier().value());
        };
    Instant sentAt = clock.instant();
    V2TokenReply reply = api.v3Token(request);
    return new ExchangedTokens(reply.accessToken(), GrantReplies.fromV3(reply, sentAt, Set.of()));
  }
}
