package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.OidcTokens;
import dev.miandeng.adapter.feishu.FeishuWire.V2TokenReply;
import dev.miandeng.domain.identity.UserGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Feishu's token replies into {@link UserGrant}s, the one place that reads their lifetimes
 * and scopes. Lifetimes ({@code expires_in}, {@code refresh_token_expires_in} / {@code
 * refresh_expires_in}, seconds) count from when the request left, so a token is never believed to
 * outlive them. A reply without a refresh token (the {@code offline_access} scope was not granted)
 * gives no grant. The refresh token is stored marked with the {@link GrantFamily} that issued it.
 */
final class GrantReplies {

  private GrantReplies() {}

  /** The flat v2 reply: {@code access_token}, {@code refresh_token}, … at the top level. */
  static Optional<UserGrant> fromV2(V2TokenReply reply, Instant sentAt, Set<String> previous) {
    return flat(GrantFamily.V2, reply, sentAt, previous);
  }

  /** The v3 reply: flat like v2's. */
  static Optional<UserGrant> fromV3(V2TokenReply reply, Instant sentAt, Set<String> previous) {
    return flat(GrantFamily.V3, reply, sentAt, previous);
  }

  private static Optional<UserGrant> flat(
      GrantFamily family, V2TokenReply reply, Instant sentAt, Set<String> previous) {
    return grant(
        family,
        reply.accessToken(),
        reply.expiresIn(),
        reply.refreshToken(),
        reply.refreshTokenExpiresIn(),
        reply.scope(),
        sentAt,
        previous);
  }

  /** The OIDC v1 reply's {@code data}: the same fields, {@code refresh_expires_in} spelt so. */
  static Optional<UserGrant> fromOidc(OidcTokens tokens, Instant sentAt, Set<String> previous) {
    return grant(
        GrantFamily.OIDC,
        tokens.accessToken(),
        tokens.expiresIn(),
        tokens.refreshToken(),
        tokens.refreshExpiresIn(),
        tokens.scope(),
        sentAt,
        previous);
  }

  private static Optional<UserGrant> grant(
      GrantFamily family,
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      String scope,
      Instant sentAt,
      Set<String> previous) {
    if (accessToken == null || accessToken.isBlank() || expiresIn <= 0) {
      throw new FeishuAnswerMalformed("the token answer has no access_token or expires_in");
    }
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new UserGrant(
            accessToken,
            sentAt.plus(Duration.ofSeconds(expiresIn)),
            family.stored(refreshToken),
            sentAt.plus(Duration.ofSeconds(Math.max(0, refreshExpiresIn))),
            scopes(scope, previous)));
  }

  /** The scopes the reply names (space separated); {@code previous} when it names none. */
  private static Set<String> scopes(String scope, Set<String> previous) {
    if (scope == null || scope.isBlank()) {
      return previous;
    }
    return Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
  }
}
