package dev.miandeng.adapter.web;

import dev.miandeng.application.login.FinishLoginUseCase;
import dev.miandeng.application.login.StartBrowserLoginUseCase;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.login.ReturnPath;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The login of an ordinary browser: /login sends it to the provider with a fresh state bound to a
 * cookie; /callback checks that binding in constant time (SEC-17) before the use case consumes the
 * state and only then exchanges the code (SEC-20), and answers with a 302 to a clean URL.
 */
final class BrowserLogin {

  /** Where a browser login starts, and where "try again" after a failed one goes. */
  static final String START_PATH = "/login";

  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9:._-]{1,128}");
  private static final int MAX_SCOPE_PARAMETER = 2048;

  private final StartBrowserLoginUseCase startBrowserLogin;
  private final LoginFinisher finisher;
  private final WebSettings settings;
  private final AppCookies cookies;
  private final LoginRateLimiter rateLimiter;
  private final SecurityEvents events;

  BrowserLogin(
      StartBrowserLoginUseCase startBrowserLogin,
      LoginFinisher finisher,
      WebSettings settings,
      AppCookies cookies,
      LoginRateLimiter rateLimiter,
      SecurityEvents events) {
    this.startBrowserLogin = startBrowserLogin;
    this.finisher = finisher;
    this.settings = settings;
    this.cookies = cookies;
    this.rateLimiter = rateLimiter;
    this.events = events;
  }

  void start(Context ctx) {
    // A started login always counts: it is never given back (SEC-33).
    rateLimiter.begin(ctx);
    // Anything but a same-origin path becomes "/" (SEC-21).
    ReturnPath returnPath = ReturnPath.parseOrHome(ctx.queryParam("return"));
    StartBrowserLoginUseCase.Started started;
    try {
      started = startBrowserLogin.start(returnPath, extraScopes(ctx.queryParam("scope")));
    } catch (StartBrowserLoginUseCase.ScopeNotAllowedException notAllowed) {
      throw Json.badRequest("The login asks for a permission this app does not use.");
    }
    cookies.setLoginState(ctx, started.state());
    ctx.header("Location", started.authorizeUrl().toString());
    ctx.status(302);
  }

  void callback(Context ctx) {
    LoginRateLimiter.Attempt attempt = rateLimiter.begin(ctx);
    String rawState = ctx.queryParam("state");
    // Each pending login has its own state cookie, found by the state Feishu sends back (two tabs).
    Optional<String> bound = cookies.loginState(ctx, rawState);
    // Whatever the outcome, this attempt is over: a retry starts again at /login.
    cookies.expireLoginState(ctx, rawState);
    String error = ctx.queryParam("error");
    if (error != null) {
      events.record(ctx, "login", "provider_error_" + error);
      throw "access_denied".equals(error)
          ? new RequestRejectedException(
              403, "access_denied", "You declined to share your Feishu account with this app.")
          : new RequestRejectedException(400, "bad_request", "Feishu did not complete the login.");
    }
    AuthorizationCode code = parseCode(ctx.queryParam("code"));
    var loggedIn =
        finisher.finish(ctx, attempt, FinishLoginUseCase.Kind.BROWSER, rawState, bound, code);
    // Absolute, from configuration, never from Host (SEC-19); code and state stay behind (SEC-20).
    ctx.header("Location", settings.publicBaseUrl() + loggedIn.returnPath().value());
    ctx.status(302);
  }

  /**
   * {@code scope}: the scopes a page asks for beyond the configured ones (incremental consent),
   * space separated as in OAuth (RFC 6749 section 3.3); absent or blank for none. Each must be one
   * word of {@code [A-Za-z0-9:._-]}, at most 128 characters (400 otherwise); which ones may be
   * asked for is the use case's rule.
   */
  private static Set<String> extraScopes(String raw) {
    if (raw == null || raw.isBlank()) {
      return Set.of();
    }
    if (raw.length() > MAX_SCOPE_PARAMETER) {
      throw Json.badRequest("The login asks for too many permissions.");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : raw.trim().split(" +")) {
      if (!SCOPE.matcher(scope).matches()) {
        throw Json.badRequest("The login asks for a permission of an unexpected shape.");
      }
      scopes.add(scope);
    }
    return scopes;
  }

  private static AuthorizationCode parseCode(String raw) {
    try {
      return new AuthorizationCode(raw == null ? "" : raw);
    } catch (IllegalArgumentException e) {
      throw Json.badRequest("The login link carries no usable code.");
    }
  }
}
