package dev.miandeng.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.application.UseCases;
import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The JSON API the page talks to: config, nonce, login with a client code, me, logout(s). */
final class SessionApi {

  private final UseCases useCases;
  private final WebSettings settings;
  private final AppCookies cookies;
  private final Json json;
  private final LoginRateLimiter rateLimiter;
  private final LoginFinisher finisher;
  private final SecurityEvents events;

  SessionApi(
      UseCases useCases,
      WebSettings settings,
      AppCookies cookies,
      Json json,
      LoginRateLimiter rateLimiter,
      LoginFinisher finisher,
      SecurityEvents events) {
    this.useCases = useCases;
    this.settings = settings;
    this.cookies = cookies;
    this.json = json;
    this.rateLimiter = rateLimiter;
    this.finisher = finisher;
    this.events = events;
  }

  void config(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appId", settings.client().appId());
    body.put("jssdkUrl", settings.client().clientScript().toString());
    body.put("scopes", settings.client().scopes());
    body.put("loginUrl", "/login");
    Json.answer(ctx, body);
  }

  void issueNonce(Context ctx) {
    rateLimiter.admitNonce(ctx);
    json.readObject(ctx, Set.of());
    LoginState nonce = useCases.issueLoginNonce().issue();
    cookies.setNonce(ctx, nonce);
    Json.answer(ctx, Map.of("nonce", nonce.value()));
  }

  void logIn(Context ctx) {
    LoginRateLimiter.Attempt attempt = rateLimiter.begin(ctx);
    JsonNode body = json.readObject(ctx, Set.of("code", "nonce"));
    String rawCode = Json.requiredText(body, "code");
    String rawNonce = Json.requiredText(body, "nonce");
    // Each pending login has its own nonce cookie, found by the nonce the page sends (two tabs).
    Optional<String> boundNonce = cookies.nonce(ctx, rawNonce);
    // The nonce is single use whatever happens next; the page fetches a new one to retry.
    cookies.expireNonce(ctx, rawNonce);
    AuthorizationCode code = parseCode(rawCode);
    var loggedIn =
        finisher.finish(ctx, attempt, FinishLoginUseCase.Kind.CLIENT, rawNonce, boundNonce, code);
    Json.answer(ctx, UserJson.wrap(loggedIn.user()));
  }

  void me(Context ctx) {
    CurrentUserUseCase.Authenticated current = authenticated(ctx);
    Json.answer(ctx, UserJson.wrap(current.user()));
  }

  void logOut(Context ctx) {
    Optional<SessionToken> token = cookies.session(ctx);
    if (token.isPresent()) {
      // Whose session this was, read before it is gone: the event names the user (SEC-34). A
      // cookie of a session already over logs nobody out, and says so.
      String user =
          useCases.currentUser().current(token.get())
                  instanceof CurrentUserUseCase.Authenticated authenticated
              ? UserJson.key(authenticated.user())
              : null;
      useCases.logOut().logOut(token.get());
      events.record(ctx, "logout", user == null ? "no_session" : "ok", user);
    }
    cookies.expireSession(ctx);
    ctx.status(204);
  }

  void logOutEverywhere(Context ctx) {
    CurrentUserUseCase.Authenticated current = authenticated(ctx);
    int ended = useCases.logOutEverywhere().logOutEverywhere(current.user().id());
    events.record(ctx, "revocation", "ended_" + ended, UserJson.key(current.user()));
    cookies.expireSession(ctx);
    ctx.status(204);
  }

  /** The user of this request's session cookie, or the 401 answer (other APIs use it too). */
  CurrentUserUseCase.Authenticated authenticated(Context ctx) {
    Optional<SessionToken> token = cookies.session(ctx);
    if (token.isEmpty()) {
      throw unauthenticated();
    }
    return switch (useCases.currentUser().current(token.get())) {
      case CurrentUserUseCase.Authenticated authenticated -> authenticated;
      case CurrentUserUseCase.Anonymous anonymous -> {
        // The cookie names a session that is over: drop it so the browser stops sending it.
        cookies.expireSession(ctx);
        throw unauthenticated();
      }
    };
  }

  private static RequestRejectedException unauthenticated() {
    return new RequestRejectedException(401, "unauthenticated", "You are not logged in.");
  }

  private static AuthorizationCode parseCode(String raw) {
    try {
      return new AuthorizationCode(raw);
    } catch (IllegalArgumentException e) {
      throw Json.badRequest("The login code has an unexpected shape.");
    }
  }
}
