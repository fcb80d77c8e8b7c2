package dev.miandeng.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser authorize endpoint (brief §3.5): GET shows the consent page, POST (the page's form)
 * redirects back with a code or with error=access_denied. The POST checks everything again: the
 * form's hidden fields are as untrusted as the query.
 */
final class AuthorizeRoutes {
  static final String PATH = "/open-apis/authen/v1/authorize";

  private final AppCredentials app;
  private final List<String> enabledScopes;
  private final RedirectUris redirectUris;
  private final Roster roster;
  private final CodeStore codes;
  private final AuthorizePage page;
  private final ClientSimulation client;

  AuthorizeRoutes(
      AppCredentials app,
      List<String> enabledScopes,
      RedirectUris redirectUris,
      Roster roster,
      CodeStore codes,
      AuthorizePage page,
      ClientSimulation client) {
    this.app = app;
    this.enabledScopes = List.copyOf(enabledScopes);
    this.redirectUris = redirectUris;
    this.roster = roster;
    this.codes = codes;
    this.page = page;
    this.client = client;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::show);
    routes.post(PATH, this::decide);
  }

  private void show(Context ctx) {
    AuthorizeRequest request = AuthorizeRequest.fromQuery(ctx);
    if (rejected(ctx, request)) {
      return;
    }
    HtmlPages.send(
        ctx,
        200,
        page.render(request, roster.users(), client.switches().userOpenId()),
        HtmlPages.STRICT_CSP);
  }

  private void decide(Context ctx) {
    AuthorizeRequest request = AuthorizeRequest.fromForm(ctx);
    if (rejected(ctx, request)) {
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if ("allow".equals(ctx.formParam("decision"))) {
      var user = roster.find(ctx.formParam("open_id"));
      if (user.isEmpty()) {
        HtmlPages.sendError(ctx, 20008, "Pick a user from the list.");
        return;
      }
      IssuedCode code =
          codes.issue(
              app.appId(),
              user.get().openId(),
              CodeKind.BROWSER,
              request.scope(),
              request.redirectUri(),
              request.hasChallenge() ? request.codeChallenge() : null,
              request.hasChallenge() ? request.effectiveChallengeMethod() : null);
      parameters.put("code", code.code());
    } else {
      parameters.put("error", "access_denied");
    }
    parameters.put("state", request.state());
    ctx.redirect(RedirectUris.withParameters(request.redirectUri(), parameters), HttpStatus.FOUND);
  }

  /** Answers an error page and returns true when the request cannot go on. */
  private boolean rejected(Context ctx, AuthorizeRequest request) {
    if (!app.isApp(request.clientId())) {
      HtmlPages.sendError(ctx, ErrorCatalog.APP_NOT_FOUND, "The app (client_id) does not exist.");
      return true;
    }
    if (!redirectUris.isRegistered(request.redirectUri())) {
      HtmlPages.sendError(
          ctx,
          ErrorCatalog.REDIRECT_URI_NOT_ALLOWED_V1,
          "redirect_uri is not registered for this app.");
      return true;
    }
    String notEnabled = Scopes.firstNotEnabled(request.scope(), enabledScopes);
    if (notEnabled != null) {
      // obtain-oauth-code FAQ: a scope the app has not enabled in the console gives 20027.
      HtmlPages.sendError(
          ctx,
          ErrorCatalog.SCOPE_NOT_ENABLED,
          "The app has not enabled the scope " + notEnabled + ".");
      return true;
    }
    if (!"code".equals(request.responseType())) {
      HtmlPages.sendError(ctx, ErrorCatalog.INVALID_REQUEST, "response_type must be code.");
      return true;
    }
    String method = request.effectiveChallengeMethod();
    if (request.hasChallenge() && !Pkce.S256.equals(method) && !Pkce.PLAIN.equals(method)) {
      HtmlPages.sendError(
          ctx, ErrorCatalog.INVALID_REQUEST, "code_challenge_method must be S256 or plain.");
      return true;
    }
    return false;
  }
}
