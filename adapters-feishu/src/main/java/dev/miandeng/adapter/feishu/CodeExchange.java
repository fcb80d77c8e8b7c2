package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.CodeGrant;

/** Spends a one-time code for a user_access_token. Never retried once sent (REL-02). */
interface CodeExchange {

  String userAccessToken(CodeGrant grant);
}
