package dev.miandeng.simulator;

import java.time.Instant;

/**
 * A one-time code and what it stands for.
 *
 * @param redirectUri the redirect_uri given at authorize (browser codes only), else null
 * @param codeChallenge the PKCE challenge given at authorize, else null
 * @param challengeMethod "S256" or "plain" when a challenge was given
 */
record IssuedCode(
    String code,
    String appId,
    String openId,
    CodeKind kind,
    String scope,
    String redirectUri,
    String codeChallenge,
    String challengeMethod,
    Instant expiresAt) {}
