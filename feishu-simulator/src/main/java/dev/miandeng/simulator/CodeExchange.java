package dev.miandeng.simulator;

import java.util.Optional;

/**
 * Turns a one-time code into user tokens, with every check the auth center makes: the code (unknown
 * / used / expired / other app), the redirect_uri of a browser code, PKCE, and whether the user may
 * use the app. Shared by the v2 OAuth and the v1 OIDC endpoints.
 */
final class CodeExchange {
  sealed interface Outcome {}

  record Exchanged(UserTokens tokens) implements Outcome {}

  record Refused(int errorCode, String description) implements Outcome {}

  private final CodeStore codes;
  private final UserTokenStore userTokens;
  private final Roster roster;

  CodeExchange(CodeStore codes, UserTokenStore userTokens, Roster roster) {
    this.codes = codes;
    this.userTokens = userTokens;
    this.roster = roster;
  }

  /**
   * @param redirectUri the redirect_uri sent with the exchange; only checked when {@code
   *     checkRedirect} (the v1 OIDC call has no such parameter)
   * @param codeVerifier the PKCE verifier, or null
   */
  Outcome exchange(
      String code,
      String appId,
      boolean checkRedirect,
      String redirectUri,
      String codeVerifier,
      UserTokenFamily family) {
    return switch (codes.redeem(code, appId)) {
      case CodeStore.Refused refused -> new Refused(refused.errorCode(), null);
      case CodeStore.Redeemed redeemed ->
          checked(redeemed.code(), checkRedirect, redirectUri, codeVerifier)
              .<Outcome>map(refusal -> refusal)
              .orElseGet(() -> issue(redeemed.code(), family));
    };
  }

  private Optional<Refused> checked(
      IssuedCode code, boolean checkRedirect, String redirectUri, String codeVerifier) {
    if (checkRedirect && code.redirectUri() != null && !code.redirectUri().equals(redirectUri)) {
      return Optional.of(new Refused(ErrorCatalog.REDIRECT_URI_MISMATCH, null));
    }
    if (code.codeChallenge() != null
        && !Pkce.matches(code.codeChallenge(), code.challengeMethod(), codeVerifier)) {
      return Optional.of(
          new Refused(
              ErrorCatalog.CODE_NOT_FOUND, "code_verifier does not match the code_challenge"));
    }
    Optional<SimulatedUser> user = roster.find(code.openId());
    if (user.isEmpty()) {
      return Optional.of(new Refused(20008, null));
    }
    if (user.get().disabled()) {
      return Optional.of(new Refused(ErrorCatalog.USER_NOT_ALLOWED, null));
    }
    return Optional.empty();
  }

  private Outcome issue(IssuedCode code, UserTokenFamily family) {
    var grant = new UserGrant(code.appId(), code.openId(), Scopes.granted(code.scope()), family);
    return new Exchanged(userTokens.issue(grant));
  }
}
