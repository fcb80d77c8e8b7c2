package dev.miandeng.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the user let this app do in their name: the OAuth grant returned by the authorization server
 * at login (the {@code offline_access} scope) or by a refresh. Feishu's {@code user_access_token}
 * lives about 2 hours and its refresh token about 30 days; the refresh token is single use and
 * rotates on every refresh.
 *
 * <p>{@link #toString()} never shows a token (SEC-23).
 *
 * @param accessToken the bearer token for OpenAPI calls made as the user; opaque, any length up to
 *     {@link #MAX_TOKEN_CHARS} (tokens may be JWTs of several KB)
 * @param accessExpiresAt when the access token stops working
 * @param refreshToken the single-use token that obtains the next grant
 * @param refreshExpiresAt when the refresh token stops working; after it the user must consent
 *     again
 * @param scopes the scopes granted, as the server spelt them; may be empty
 */
public record UserGrant(
    String accessToken,
    Instant accessExpiresAt,
    String refreshToken,
    Instant refreshExpiresAt,
    Set<String> scopes) {

  /** A bound against abuse, far above any real token (JWT tenant tokens are a few KB). */
  public static final int MAX_TOKEN_CHARS = 64 * 1024;

  public UserGrant {
    requireToken(accessToken, "accessToken");
    requireToken(refreshToken, "refreshToken");
    Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
    Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    scopes = Set.copyOf(scopes);
    for (String scope : scopes) {
      if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a scope is one non-blank word");
      }
    }
  }

  private static void requireToken(String token, String name) {
    Objects.requireNonNull(token, name);
    if (token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
      throw new IllegalArgumentException(
          name + " must be non-blank and at most " + MAX_TOKEN_CHARS + " characters");
    }
  }

  /** Whether the access token still has more than {@code margin} to live at {@code now}. */
  public boolean accessLastsBeyond(Instant now, Duration margin) {
    return now.plus(margin).isBefore(accessExpiresAt);
  }

  /** Whether the access token still works at {@code now}, however briefly. */
  public boolean accessValidAt(Instant now) {
    return now.isBefore(accessExpiresAt);
  }

  /** Whether the refresh token may still be used at {@code now}. */
  public boolean refreshValidAt(Instant now) {
    return now.isBefore(refreshExpiresAt);
  }

  @Override
  public String toString() {
    return "UserGrant[accessExpiresAt="
        + accessExpiresAt
        + ", refreshExpiresAt="
        + refreshExpiresAt
        + ", scopes="
        + scopes
        + ", tokens masked]";
  }
}
