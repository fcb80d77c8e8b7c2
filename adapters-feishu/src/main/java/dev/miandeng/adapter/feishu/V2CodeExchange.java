package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2CodeRequest;
import dev.miandeng.domain.identity.CodeGrant;

/**
 * The v2 OAuth exchange: client id and secret in the body. A browser code brings the configured
 * redirect_uri (byte-identical to the authorize URL's, SEC-19) and its PKCE verifier (SEC-18); a
 * JSAPI code brings neither, as the in-client guide does.
 */
final class V2CodeExchange implements CodeExchange {

  private final FeishuGrantApi api;
  private final FeishuSettings settings;

  V2CodeExchange(FeishuGrantApi api, FeishuSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  @Override
  public String userAccessToken(CodeGrant grant) {
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
    String token = api.exchangeCode(request).accessToken();
    if (token == null || token.isBlank()) {
      throw new FeishuAnswerMalformed("the v2 token answer has no access_token");
    }
    return token;
  }
}
