package dev.miandeng.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns a one-time code into user tokens, with every check the auth center makes: the code (unknown
 * / used / expired / another app's: 20024), the redirect_uri of a browser code (20071), PKCE
 * (20049), the optional narrowing scope (20067 / 20068) and whether the user may use the app.
 * Shared by the v2 OAuth and the v1 OIDC endpoints. Codes and HTTP statuses: the error table of
 * "get-user-access-token".
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
   * @param narrowScope the v2 {@code scope} parameter narrowing the token, or null for the whole
   *     grant
   */
  Outcome exchange(
      String code,
      String appId,
      boolean checkRedirect,
      String redirectUri,
      String codeVerifier,
      String narrowScope,
      UserTokenFamily family) {
    return switch (codes.redeem(code, appId)) {
      case CodeStore.Refused refused -> new Refused(refused.errorCode(), null);
      case CodeStore.Redeemed redeemed -> {
        IssuedCode issued = redeemed.code();
        String granted = Scopes.granted(issued.scope());
        yield checked(issued, checkRedirect, redirectUri, codeVerifier)
            .or(() -> narrowingRefused(granted, narrowScope))
            .<Outcome>map(refusal -> refusal)
            .orElseGet(
                () ->
                    issue(
                        issued,
                        narrowScope == null ? granted : Scopes.join(Scopes.parse(narrowScope)),
                        family));
      }
    };
  }

  private Optional<Refused> checked(
      IssuedCode code, boolean checkRedirect, String redirectUri, String codeVerifier) {
    // get-user-access-token: redirect_uri must "严格" equal the one given at authorize.
    if (checkRedirect && code.redirectUri() != null && !code.redirectUri().equals(redirectUri)) {
      return Optional.of(new Refused(ErrorCatalog.REDIRECT_URI_MISMATCH, null));
    }
    // get-user-access-token: 20049 "PKCE code challenge failed" for a missing or wrong verifier.
    if (code.codeChallenge() != null
        && !Pkce.matches(code.codeChallenge(), code.challengeMethod(), codeVerifier)) {
      return Optional.of(new Refused(ErrorCatalog.PKCE_FAILED, null));
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

  /**
   * get-user-access-token, parameter scope: no duplicates (20067), nothing outside the grant
   * (20068).
   */
  private static Optional<Refused> narrowingRefused(String granted, String narrowScope) {
    if (narrowScope == null) {
      return Optional.empty();
    }
    List<String> asked = Scopes.parse(narrowScope);
    if (new HashSet<>(asked).size() != asked.size()) {
      return Optional.of(new Refused(ErrorCatalog.SCOPE_DUPLICATED, null));
    }
    if (!Scopes.parse(granted).containsAll(asked)) {
      return Optional.of(new Refused(ErrorCatalog.SCOPE_NOT_GRANTED, null));
    }
    return Optional.empty();
  }

  private Outcome issue(IssuedCode code, String scope, UserTokenFamily family) {
    var grant = new UserGrant(code.appId(), code.openId(), scope, family);
    return new Exchanged(userTokens.issue(grant));
  }
}
