package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.UserGrant;
import java.util.Arrays;

/**
 * The endpoint family that issued a grant, which is the only one that will refresh it: a v2 refresh
 * of an OIDC-issued refresh token is answered 20026 and would end the grant. With the OIDC exchange
 * one app holds grants of two families (JSAPI codes go through OIDC, browser codes through v2), and
 * a change of {@code FEISHU_EXCHANGE} leaves older grants behind, so the family travels with the
 * grant.
 *
 * <p>It travels inside the stored refresh token, as a prefix ({@code oidc:}, {@code v3:}; none for
 * v2, so grants stored before families existed stay v2): the refresh token is opaque to the core
 * and to the vault, which seals it whole, and the domain's {@link UserGrant} stays free of Feishu.
 * Feishu's refresh tokens never hold a colon (JWTs are base64url with dots, OIDC ones {@code
 * ur-…}), so the prefix cannot be mistaken for part of a token. The prefix is removed before the
 * token is sent.
 */
enum GrantFamily {
  V2(""),
  OIDC("oidc:"),
  V3("v3:");

  private final String prefix;

  GrantFamily(String prefix) {
    this.prefix = prefix;
  }

  /** The family of a refresh token as stored in a {@link UserGrant}. */
  static GrantFamily of(String storedRefreshToken) {
    return Arrays.stream(values())
        .filter(family -> !family.prefix.isEmpty())
        .filter(family -> storedRefreshToken.startsWith(family.prefix))
        .findFirst()
        .orElse(V2);
  }

  /** The refresh token as stored: Feishu's, marked with this family. */
  String stored(String feishuRefreshToken) {
    return prefix + feishuRefreshToken;
  }

  /** The refresh token as Feishu issued it. */
  String feishuToken(String storedRefreshToken) {
    return storedRefreshToken.substring(prefix.length());
  }
}
