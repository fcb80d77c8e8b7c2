package dev.miandeng.adapter.web;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;

/**
 * The three cookies of the app and their attributes, in one place (SEC-04, SEC-14, SEC-17).
 *
 * <ul>
 *   <li>session: HttpOnly, Path=/, no Domain, SameSite=Lax (None in embed mode), Secure with the
 *       {@code __Host-} prefix when served over TLS. No Max-Age: the server decides when it ends.
 *   <li>login nonce: binds the nonce of POST /api/login/nonce to this browser; SameSite=Strict
 *       because it only ever travels with the page's own fetch calls.
 *   <li>login state: binds the OAuth state of /login to this browser for /callback; Lax because the
 *       callback is a top-level navigation coming back from the provider; Path=/callback.
 * </ul>
 */
final class Cookies {

  private static final String EXPIRED = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

  private final boolean secure;
  private final boolean embed;
  private final long loginMaxAgeSeconds;
  private final String sessionName;
  private final String nonceName;
  private final String stateName;

  Cookies(boolean secure, boolean embed, Duration loginMaxAge) {
    this.secure = secure;
    this.embed = embed;
    this.loginMaxAgeSeconds = loginMaxAge.toSeconds();
    this.sessionName = secure ? "__Host-mdl_session" : "mdl_session";
    this.nonceName = secure ? "__Host-mdl_nonce" : "mdl_nonce";
    // __Host- demands Path=/, and this one is scoped to the callback, so it takes __Secure-.
    this.stateName = secure ? "__Secure-mdl_login_state" : "mdl_login_state";
  }

  String sessionName() {
    return sessionName;
  }

  Optional<SessionToken> session(Context ctx) {
    return CookieJar.single(ctx, sessionName).flatMap(SessionToken::parse);
  }

  void setSession(Context ctx, SessionToken token) {
    add(ctx, sessionName + "=" + token.value() + "; Path=/" + attributes(embed ? "None" : "Lax"));
  }

  void expireSession(Context ctx) {
    add(ctx, sessionName + "=; Path=/" + EXPIRED + attributes(embed ? "None" : "Lax"));
  }

  Optional<String> nonce(Context ctx) {
    return CookieJar.single(ctx, nonceName);
  }

  void setNonce(Context ctx, LoginState nonce) {
    add(
        ctx,
        nonceName
            + "="
            + nonce.value()
            + "; Path=/; Max-Age="
            + loginMaxAgeSeconds
            + attributes(embed ? "None" : "Strict"));
  }

  void expireNonce(Context ctx) {
    add(ctx, nonceName + "=; Path=/" + EXPIRED + attributes(embed ? "None" : "Strict"));
  }

  Optional<String> loginState(Context ctx) {
    return CookieJar.single(ctx, stateName);
  }

  void setLoginState(Context ctx, LoginState state) {
    add(
        ctx,
        stateName
            + "="
            + state.value()
            + "; Path=/callback; Max-Age="
            + loginMaxAgeSeconds
            + attributes(embed ? "None" : "Lax"));
  }

  void expireLoginState(Context ctx) {
    add(ctx, stateName + "=; Path=/callback" + EXPIRED + attributes(embed ? "None" : "Lax"));
  }

  private String attributes(String sameSite) {
    return "; HttpOnly" + (secure ? "; Secure" : "") + "; SameSite=" + sameSite;
  }

  private static void add(Context ctx, String setCookie) {
    ctx.res().addHeader("Set-Cookie", setCookie);
  }
}
