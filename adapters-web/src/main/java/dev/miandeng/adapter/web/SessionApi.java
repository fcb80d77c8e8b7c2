package dev.miandeng.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.application.login.IssueLoginNonceUseCase;
import dev.miandeng.application.login.LogInWithCodeUseCase;
import dev.miandeng.application.login.LoginResult;
import dev.miandeng.application.session.CurrentUserUseCase;
import dev.miandeng.application.session.LogOutEverywhereUseCase;
import dev.miandeng.application.session.LogOutUseCase;
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

  private final WebUseCases useCases;
  private final WebSettings settings;
  private final Cookies cookies;
  private final Json json;
  private final LoginRateLimiter rateLimiter;
  private final LoginFailures failures;
  private final SecurityEvents events;

  SessionApi(
      WebUseCases useCases,
      WebSettings settings,
      Cookies cookies,
      Json json,
      LoginRateLimiter rateLimiter,
      LoginFailures failures,
      SecurityEvents events) {
    this.useCases = useCases;
    this.settings = settings;
    this.cookies = cookies;
    this.json = json;
    this.rateLimiter = rateLimiter;
    this.failures = failures;
    this.events = events;
  }

  void config(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appId", settings.client().appId());
    body.put("jssdkUrl", settings.client().clientScript().toString());
    body.put("scopes", settings.client().scopes());
    body.put("loginUrl", "/login");
    Json.write(ctx, body);
  }

  void issueNonce(Context ctx) {
    rateLimiter.admitNonce(ctx);
    json.readObject(ctx, Set.of());
    switch (useCases.issueLoginNonce().issue()) {
      case IssueLoginNonceUseCase.Issued issued -> {
        cookies.setNonce(ctx, issued.nonce());
        Json.write(ctx, Map.of("nonce", issued.nonce().value()));
      }
      case IssueLoginNonceUseCase.StoreUnavailable unavailable -> throw failures.storeUnavailable();
    }
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
    Optional<LoginState> nonce = LoginState.parse(rawNonce);
    if (nonce.isEmpty() || !ConstantTime.equal(rawNonce, boundNonce.orElse(null))) {
      events.record(ctx, "login", "nonce_not_bound");
      throw failures.of(new LoginResult.StateRejected());
    }
    AuthorizationCode code = parseCode(rawCode);
    LoginResult result =
        useCases
            .logInWithCode()
            .logIn(new LogInWithCodeUseCase.Command(code, nonce.get(), cookies.session(ctx)));
    if (result instanceof LoginResult.LoggedIn loggedIn) {
      attempt.succeeded();
      cookies.setSession(ctx, loggedIn.token());
      events.record(ctx, "login", "ok", UserJson.key(loggedIn.user()));
      Json.write(ctx, UserJson.wrap(loggedIn.user()));
      return;
    }
    events.record(ctx, "login", LoginFailures.outcome(result));
    throw failures.of(result);
  }

  void me(Context ctx) {
    CurrentUserUseCase.Authenticated current = authenticated(ctx);
    Json.write(ctx, UserJson.wrap(current.user()));
  }

  void logOut(Context ctx) {
    Optional<SessionToken> token = cookies.session(ctx);
    if (token.isPresent()) {
      switch (useCases.logOut().logOut(token.get())) {
        case LogOutUseCase.LoggedOut loggedOut -> events.record(ctx, "logout", "ok");
        case LogOutUseCase.StoreUnavailable unavailable -> throw failures.storeUnavailable();
      }
    }
    cookies.expireSession(ctx);
    ctx.status(204);
  }

  void logOutEverywhere(Context ctx) {
    CurrentUserUseCase.Authenticated current = authenticated(ctx);
    switch (useCases.logOutEverywhere().logOutEverywhere(current.user().id())) {
      case LogOutEverywhereUseCase.LoggedOut loggedOut ->
          events.record(
              ctx,
              "revocation",
              "ended_" + loggedOut.sessionsEnded(),
              UserJson.key(current.user()));
      case LogOutEverywhereUseCase.StoreUnavailable unavailable ->
          throw failures.storeUnavailable();
    }
    cookies.expireSession(ctx);
    ctx.status(204);
  }

  /** The user of this request's session cookie, or the 401 / 503 answer. */
  private CurrentUserUseCase.Authenticated authenticated(Context ctx) {
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
      case CurrentUserUseCase.StoreUnavailable unavailable -> throw failures.storeUnavailable();
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
