package dev.miandeng.simulator;

import io.javalin.http.Context;

/** The parameters of the browser authorize call, read from the query (GET) or form (POST). */
record AuthorizeRequest(
    String clientId,
    String responseType,
    String redirectUri,
    String scope,
    String state,
    String codeChallenge,
    String codeChallengeMethod) {

  static AuthorizeRequest fromQuery(Context ctx) {
    return new AuthorizeRequest(
        ctx.queryParam("client_id"),
        ctx.queryParam("response_type"),
        ctx.queryParam("redirect_uri"),
        ctx.queryParam("scope"),
        ctx.queryParam("state"),
        ctx.queryParam("code_challenge"),
        ctx.queryParam("code_challenge_method"));
  }

  static AuthorizeRequest fromForm(Context ctx) {
    return new AuthorizeRequest(
        ctx.formParam("client_id"),
        ctx.formParam("response_type"),
        ctx.formParam("redirect_uri"),
        ctx.formParam("scope"),
        ctx.formParam("state"),
        ctx.formParam("code_challenge"),
        ctx.formParam("code_challenge_method"));
  }

  boolean hasChallenge() {
    return codeChallenge != null && !codeChallenge.isEmpty();
  }

  /** The PKCE method; "plain" is Feishu's default when a challenge comes without one. */
  String effectiveChallengeMethod() {
    return codeChallengeMethod == null || codeChallengeMethod.isEmpty()
        ? Pkce.PLAIN
        : codeChallengeMethod;
  }
}
