package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.CodeGrant;

/** Spends a one-time code for a user_access_token. Never retried once sent (REL-02). */
interface CodeExchange {

  /**
   * @return the access token for the user_info call, and the grant to keep when the reply carries a
   *     refresh token
   */
  ExchangedTokens exchange(CodeGrant grant);
}
