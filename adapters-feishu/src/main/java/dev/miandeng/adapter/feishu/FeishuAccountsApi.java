package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.adapter.feishu.FeishuWire.V3TokenRequest;
import feign.Headers;
import feign.RequestLine;

/**
 * The v3 token endpoint on the accounts host ({@code accounts.feishu.cn}, {@code
 * accounts.larksuite.com}; facts page section 3.3a). It spends codes and refresh tokens, so like
 * {@link FeishuGrantApi} it is never repeated once sent (REL-02).
 */
interface FeishuAccountsApi {

  String TOKEN_PATH = "/oauth/v3/token";

  @RequestLine("POST " + TOKEN_PATH)
  @Headers("Content-Type: application/json; charset=utf-8")
  V2TokenReply v3Token(V3TokenRequest request);
}
