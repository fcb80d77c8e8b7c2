package dev.miandeng.adapter.web;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionToken;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cookies of the app and their attributes, in one place (SEC-04, SEC-14, SEC-17, SEC-33): sets
 * and expires each, and reads its value back from the request (parsed by {@link CookieHeader}).
 *
 * <ul>
 *   <li>session: HttpOnly, Path=/, no Domain, SameSite=Lax (None in embed mode), Secure with the
 *       {@code __Host-} prefix when served over TLS. No Max-Age: the server decides when it ends.
 *   <li>login nonce, one cookie per pending login: binds the nonce of POST /api/login/nonce to this
 *       browser; SameSite=Strict because it only ever travels with the page's own fetch calls.
 *   <li>login state, one cookie per pending login: binds the OAuth state of /login to this browser
 *       for /callback; Lax because the callback is a top-level navigation coming back from the
 *       provider.
 *   <li>browser id: 128 random bits naming this browser for the login rate limit (SEC-33); Lax so
 *       it also comes back with the callback.
 * </ul>
 *
 * <p>Two tabs, two logins: the Feishu desktop client can show the app in the sidebar and in a
 * window at once, and a person may start /login in two tabs. Each pending nonce and state therefore
 * has a cookie of its own, named after the value's first {@value #TAG_LENGTH} characters, so
 * starting one login never overwrites another's binding, even when both requests are in flight
 * together. At most {@value #MAX_PENDING_LOGINS} of each kind are kept: starting one more expires
 * the oldest (the Cookie header lists them oldest first), which keeps the Cookie header small
 * whatever a page does.
 */
final class AppCookies {

  /** How many logins of one kind a browser may have started and not yet finished. */
  static final int MAX_PENDING_LOGINS = 4;

  /** 72 random bits of the value: two pending logins never share a name. */
  static final int TAG_LENGTH = 12;

  private static final String EXPIRED = "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_-]{" + TAG_LENGTH + "}");

  /** The browser id outlives every rate-limit window; it names the browser and nothing else. */
  private static final Duration BROWSER_ID_MAX_AGE = Duration.ofDays(30);

  private final boolean secure;
  private final boolean embed;
  private final long loginMaxAgeSeconds;
  private final String sessionName;
  private final String browserName;
  private final PendingLogins nonces;
  private final PendingLogins states;

  AppCookies(boolean secure, boolean embed, Duration loginMaxAge) {
    this.secure = secure;
    this.embed = embed;
    this.loginMaxAgeSeconds = loginMaxAge.toSeconds();
    String prefix = secure ? "__Host-" : "";
    this.sessionName = prefix + "mdl_session";
    this.browserName = prefix + "mdl_browser";
    this.nonces = new PendingLogins(prefix + "mdl_nonce_", "Strict");
    this.states = new PendingLogins(prefix + "mdl_state_", "Lax");
  }

  String sessionName() {
    return sessionName;
  }

  Optional<SessionToken> session(Context ctx) {
    return CookieHeader.single(ctx, sessionName).flatMap(SessionToken::parse);
  }

  void setSession(Context ctx, SessionToken token) {
    add(ctx, sessionName + "=" + token.value() + "; Path=/" + attributes(embed ? "None" : "Lax"));
  }

  void expireSession(Context ctx) {
    add(ctx, sessionName + "=; Path=/" + EXPIRED + attributes(embed ? "None" : "Lax"));
  }

  /** The nonce cookie of the login whose nonce the page claims, if this browser holds it. */
  Optional<String> nonce(Context ctx, String claimed) {
    return nonces.value(ctx, claimed);
  }

  void setNonce(Context ctx, LoginState nonce) {
    nonces.set(ctx, nonce);
  }

  void expireNonce(Context ctx, String claimed) {
    nonces.expire(ctx, claimed);
  }

  /** The state cookie of the login whose state the callback names, if this browser holds it. */
  Optional<String> loginState(Context ctx, String claimed) {
    return states.value(ctx, claimed);
  }

  void setLoginState(Context ctx, LoginState state) {
    states.set(ctx, state);
  }

  void expireLoginState(Context ctx, String claimed) {
    states.expire(ctx, claimed);
  }

  /** This browser's id for the rate limit; empty when it has none (or a forged shape). */
  Optional<String> browserId(Context ctx) {
    return CookieHeader.single(ctx, browserName).filter(id -> BROWSER_ID.matcher(id).matches());
  }

  void setBrowserId(Context ctx, String id) {
    add(
        ctx,
        browserName
            + "="
            + id
            + "; Path=/; Max-Age="
            + BROWSER_ID_MAX_AGE.toSeconds()
            + attributes(embed ? "None" : "Lax"));
  }

  private String attributes(String sameSite) {
    return "; HttpOnly" + (secure ? "; Secure" : "") + "; SameSite=" + sameSite;
  }

  private static void add(Context ctx, String setCookie) {
    ctx.res().addHeader("Set-Cookie", setCookie);
  }

  /**
   * One kind of per-login cookie: name = prefix + the value's tag, value = the whole login state.
   * Path=/ for all of them, so that the Cookie header order is their age and, with TLS, they take
   * the strict {@code __Host-} prefix.
   */
  private final class PendingLogins {
    private final String prefix;
    private final String sameSite;

    PendingLogins(String prefix, String sameSite) {
      this.prefix = prefix;
      this.sameSite = embed ? "None" : sameSite;
    }

    Optional<String> value(Context ctx, String claimed) {
      return LoginState.parse(claimed).flatMap(state -> CookieHeader.single(ctx, name(state)));
    }

    void set(Context ctx, LoginState state) {
      // Only names we could have set are echoed back in a Set-Cookie.
      List<String> pending =
          CookieHeader.namesStartingWith(ctx, prefix).stream()
              .filter(name -> TAG.matcher(name.substring(prefix.length())).matches())
              .toList();
      for (int i = 0; i <= pending.size() - MAX_PENDING_LOGINS; i++) {
        expireNamed(ctx, pending.get(i));
      }
      add(
          ctx,
          name(state)
              + "="
              + state.value()
              + "; Path=/; Max-Age="
              + loginMaxAgeSeconds
              + attributes(sameSite));
    }

    void expire(Context ctx, String claimed) {
      LoginState.parse(claimed).ifPresent(state -> expireNamed(ctx, name(state)));
    }

    private void expireNamed(Context ctx, String name) {
      add(ctx, name + "=; Path=/" + EXPIRED + attributes(sameSite));
    }

    private String name(LoginState state) {
      return prefix + state.value().substring(0, TAG_LENGTH);
    }
  }
}
