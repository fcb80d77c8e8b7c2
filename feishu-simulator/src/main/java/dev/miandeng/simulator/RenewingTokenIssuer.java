package dev.miandeng.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Issues one kind of app-level token (app_access_token, tenant_access_token, jsapi ticket) with
 * Feishu's 30-minute rule: asking again while the current token has at least 30 minutes left
 * returns that same token; with less left a new one is issued and the old one stays valid until its
 * own expiry.
 */
final class RenewingTokenIssuer {
  static final Duration LIFETIME = Duration.ofHours(2);
  static final Duration RENEW_WHEN_LESS_THAN = Duration.ofMinutes(30);

  /** A token handed out and how many whole seconds it has left. */
  record Issued(String token, long expiresInSeconds) {}

  private final Clock clock;
  private final Supplier<String> newToken;
  private final Map<String, Instant> expiryByToken = new HashMap<>();
  private String current;

  RenewingTokenIssuer(Clock clock, Supplier<String> newToken) {
    this.clock = clock;
    this.newToken = newToken;
  }

  synchronized Issued obtain() {
    Instant now = clock.instant();
    expiryByToken.values().removeIf(expiry -> !expiry.isAfter(now));
    Instant expiry = current == null ? null : expiryByToken.get(current);
    if (expiry == null || Duration.between(now, expiry).compareTo(RENEW_WHEN_LESS_THAN) < 0) {
      current = newToken.get();
      expiry = now.plus(LIFETIME);
      expiryByToken.put(current, expiry);
    }
    return new Issued(current, Duration.between(now, expiry).toSeconds());
  }

  synchronized boolean isValid(String token) {
    Instant expiry = token == null ? null : expiryByToken.get(token);
    return expiry != null && expiry.isAfter(clock.instant());
  }

  /** Every token still valid now, the current one first. */
  synchronized List<String> validTokens() {
    Instant now = clock.instant();
    return expiryByToken.entrySet().stream()
        .filter(entry -> entry.getValue().isAfter(now))
        .map(Map.Entry::getKey)
        .sorted((a, b) -> a.equals(current) ? -1 : b.equals(current) ? 1 : 0)
        .toList();
  }

  /**
   * The current token becomes invalid at once and the next {@link #obtain} issues a new one (a
   * ticket Feishu no longer honours, for the control API's stale-jsapi-ticket).
   */
  synchronized void invalidateCurrent() {
    if (current != null) {
      expiryByToken.remove(current);
      current = null;
    }
  }

  /** Every token issued so far becomes invalid (control API expire-tokens and reset). */
  synchronized void invalidateAll() {
    expiryByToken.clear();
    current = null;
  }
}
