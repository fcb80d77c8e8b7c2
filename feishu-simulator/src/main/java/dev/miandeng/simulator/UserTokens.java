package dev.miandeng.simulator;

/** A freshly issued user token pair; {@code refreshToken} is null when none was granted. */
record UserTokens(
    String accessToken,
    long expiresInSeconds,
    String refreshToken,
    long refreshExpiresInSeconds,
    String scope) {}
