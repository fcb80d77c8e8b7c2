package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.ClientLoginSettings;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionApiTest {

  private final TestApp app =
      TestApp.withClient(
          new ClientLoginSettings(
              "cli_test",
              List.of("contact:user.base:readonly"),
              TestApp.CLIENT.clientScript(),
              Set.of()));

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  @DisplayName("GET /api/config answers the page's settings as WEB-API.md says")
  void config() {
    HttpResponse<String> response = app.browser().get("/api/config");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            "{\"appId\":\"cli_test\",\"jssdkUrl\":\""
                + TestApp.CLIENT.clientScript()
                + "\",\"scopes\":[\"contact:user.base:readonly\"],\"loginUrl\":\"/login\"}");
  }

  @Test
  @DisplayName(
      "a client code with the bound nonce logs in; /api/me then shows the user, names verbatim")
  void logInAndMe() {
    Browser browser = app.browser();
    HttpResponse<String> login = browser.logInAsAlice();
    assertThat(login.body())
        .isEqualTo(
            "{\"user\":{\"name\":\"张三 Alice\",\"enName\":\"Alice Zhang\",\"avatarUrl\":\"https://example.test/avatar/alice.png\",\"tenantKey\":\"tenant-acme\"}}");
    HttpResponse<String> me = browser.get("/api/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).isEqualTo(login.body());
  }

  @Test
  @DisplayName("GET /api/me without a cookie: 401 unauthenticated in the one error shape")
  void anonymous() {
    HttpResponse<String> me = app.browser().get("/api/me");
    assertThat(me.statusCode()).isEqualTo(401);
    String requestId = me.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(me.body())
        .isEqualTo(
            "{\"error\":\"unauthenticated\",\"message\":\"You are not logged in.\",\"requestId\":\""
                + requestId
                + "\"}");
  }

  @Test
  @DisplayName("SEC-02: a well-formed but never-issued session cookie is anonymous (401)")
  void neverIssued() {
    Browser browser = app.browser();
    browser.cookies.put("mdl_session", "A".repeat(43));
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("SEC-03: login issues a new session id and ends the one the browser had before")
  void newIdAtLogin() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String before = browser.sessionCookie();
    browser.logInAsAlice();
    String after = browser.sessionCookie();
    assertThat(after).isNotEqualTo(before);
    Browser old = app.browser();
    old.cookies.put("mdl_session", before);
    assertThat(old.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/me?mdl_session=%s",
        "/api/me?session=%s",
        "/api/me?__Host-mdl_session=%s",
      })
  @DisplayName("SEC-06: a session id in the query is ignored")
  void notFromQuery(String pattern) {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String token = browser.sessionCookie();
    Browser other = app.browser();
    assertThat(other.get(String.format(pattern, token)).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "SEC-06: a session id in the URL path (;jsessionid, ;mdl_session) never authenticates")
  void notFromPath() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String token = browser.sessionCookie();
    for (String path :
        new String[] {"/api/me;mdl_session=" + token, "/api/me;jsessionid=" + token}) {
      String response = RawHttp.get(app.port, path);
      assertThat(RawHttp.status(response)).isNotEqualTo(200).isLessThan(500);
      assertThat(response).doesNotContain("tenant-acme").doesNotContainIgnoringCase("JSESSIONID=");
    }
  }

  @Test
  @DisplayName(
      "SEC-09: logout is POST only, deletes the session, expires the cookie; a replayed cookie gets 401")
  void logout() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String token = browser.sessionCookie();
    assertThat(browser.get("/api/logout").statusCode()).isEqualTo(405);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);

    HttpResponse<String> logout = browser.post("/api/logout", "{}");
    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(logout.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("mdl_session=;").contains("Max-Age=0"));
    Browser replay = app.browser();
    replay.cookies.put("mdl_session", token);
    assertThat(replay.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "SEC-10: logout-everywhere ends every session of the user; it needs a session itself")
  void logoutEverywhere() {
    Browser phone = app.browser();
    Browser laptop = app.browser();
    phone.logInAsAlice();
    laptop.logInAsAlice();
    assertThat(app.browser().post("/api/logout-everywhere", "{}").statusCode()).isEqualTo(401);
    assertThat(phone.post("/api/logout-everywhere", "{}").statusCode()).isEqualTo(204);
    assertThat(laptop.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(phone.get("/api/me").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mdl_session=" + "x",
        "mdl_session=%%%%%%%%",
        "mdl_session=' OR '1'='1; --",
        "mdl_session=\"quoted\"",
        "mdl_session=😀😀😀😀😀😀😀😀😀😀",
        "mdl_session",
        "=====",
        ";;;;;",
        "mdl_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; mdl_session=BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
      })
  @DisplayName("SEC-11: malformed session cookies are anonymous, never 5xx")
  void malformedCookies(String cookie) {
    String response =
        RawHttp.exchange(
            app.port,
            "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                + cookie
                + "\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.status(response)).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "SEC-11: a 10 KB cookie, a NUL byte and duplicate real cookies stay anonymous, never 5xx")
  void hostileCookies() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String token = browser.sessionCookie();
    String[] cookies = {
      "mdl_session=" + "A".repeat(10 * 1024),
      "mdl_session=AAAA\u0000BBBB",
      "mdl_session=" + token + "; mdl_session=" + token,
    };
    for (String cookie : cookies) {
      String response =
          RawHttp.exchange(
              app.port,
              "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                  + cookie
                  + "\r\nConnection: close\r\n\r\n");
      assertThat(RawHttp.status(response)).isIn(400, 401, 431);
    }
  }

  @Test
  @DisplayName(
      "SEC-14: a nonce not bound to this browser (an attacker's) is refused: 400, no session")
  void nonceBoundToBrowser() {
    Browser attacker = app.browser();
    String attackersNonce = attacker.nonce();
    Browser victim = app.browser();
    victim.nonce(); // the victim holds a nonce cookie of its own
    HttpResponse<String> response =
        victim.post(
            "/api/session",
            "{\"code\":\"" + app.clientCodeForAlice() + "\",\"nonce\":\"" + attackersNonce + "\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\":\"login_state_invalid\"");
    assertThat(victim.sessionCookie()).isNull();
    assertThat(app.idp.exchanges()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-14: a nonce works once; the second use is refused before the provider is called")
  void nonceSingleUse() {
    Browser browser = app.browser();
    String nonce = browser.nonce();
    String cookie = browser.cookies.get(Browser.nonceCookie(nonce));
    assertThat(browser.post("/api/session", body(app.clientCodeForAlice(), nonce)).statusCode())
        .isEqualTo(200);
    browser.cookies.put(Browser.nonceCookie(nonce), cookie); // replay the cookie too
    HttpResponse<String> again =
        browser.post("/api/session", body(app.clientCodeForAlice(), nonce));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("login_state_invalid");
    assertThat(app.idp.exchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "SEC-14/SEC-15: the nonce cookie is HttpOnly SameSite=Strict and is dropped at login")
  void nonceCookie() {
    Browser browser = app.browser();
    HttpResponse<String> response = browser.post("/api/login/nonce", "{}");
    String nonce = response.body().replaceAll(".*\"nonce\":\"([^\"]+)\".*", "$1");
    assertThat(Browser.setCookie(response, "mdl_nonce_"))
        .startsWith(Browser.nonceCookie(nonce) + "=" + nonce + ";")
        .contains("Path=/", "Max-Age=600", "HttpOnly", "SameSite=Strict");
    browser.post("/api/session", body(app.clientCodeForAlice(), nonce));
    assertThat(browser.cookies).doesNotContainKey(Browser.nonceCookie(nonce));
  }

  @Test
  @DisplayName("401 code_refused for an unknown or used code")
  void codeRefused() {
    HttpResponse<String> response = app.browser().logInWithCode("never-issued");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"error\":\"code_refused\"");
  }

  @Test
  @DisplayName("SEC-22: 403 tenant_not_allowed for a tenant outside the allow-list")
  void tenantNotAllowed() {
    String code =
        app.idp
            .issueClientCode(new VerifiedIdentity(People.mallory(), People.profileOf("Mallory")))
            .code()
            .value();
    HttpResponse<String> response = app.browser().logInWithCode(code);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("\"error\":\"tenant_not_allowed\"");
  }

  @Test
  @DisplayName("403 user_not_allowed when the provider refuses the person")
  void userNotAllowed() {
    app.idp.failWith(new UserNotAllowedException("resigned"));
    HttpResponse<String> response = app.browser().logInWithCode(app.clientCodeForAlice());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("\"error\":\"user_not_allowed\"")
        .doesNotContain("resigned");
  }

  @Test
  @DisplayName("500 server_misconfigured keeps the details in the log only")
  void misconfigured() {
    app.idp.failWith(new AuthCenterMisconfiguredException("app secret is wrong for cli_test"));
    HttpResponse<String> response = app.browser().logInWithCode(app.clientCodeForAlice());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .contains("\"error\":\"server_misconfigured\"")
        .doesNotContain("secret")
        .doesNotContain("cli_test");
  }

  @Test
  @DisplayName(
      "REL-03: provider down → 503 + Retry-After, existing sessions keep working, recovery needs no restart")
  void authCenterDown() {
    Browser existing = app.browser();
    existing.logInAsAlice();
    app.idp.failWith(
        new AuthCenterUnavailableException("down", Optional.of(Duration.ofSeconds(42)), null));
    HttpResponse<String> refused = app.browser().logInWithCode(app.clientCodeForAlice());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("42");
    assertThat(refused.body()).contains("\"error\":\"auth_center_unavailable\"");
    assertThat(existing.get("/api/me").statusCode()).isEqualTo(200);

    app.idp.failWith(new AuthCenterUnavailableException("down", null));
    HttpResponse<String> noHint = app.browser().logInWithCode(app.clientCodeForAlice());
    assertThat(noHint.headers().firstValue("Retry-After")).contains("10");

    app.idp.recover();
    assertThat(app.browser().logInWithCode(app.clientCodeForAlice()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "REL-08: store down → login and /api/me answer 503 store_unavailable + Retry-After, then recover")
  void storeDown() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    app.stores.goDown();
    HttpResponse<String> me = browser.get("/api/me");
    assertThat(me.statusCode()).isEqualTo(503);
    assertThat(me.headers().firstValue("Retry-After")).isPresent();
    assertThat(me.body()).contains("\"error\":\"store_unavailable\"");
    HttpResponse<String> nonce = browser.post("/api/login/nonce", "{}");
    assertThat(nonce.statusCode()).isEqualTo(503);
    assertThat(browser.post("/api/logout", "{}").statusCode()).isEqualTo(503);
    app.stores.comeBack();
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("SEC-22: names with markup are returned verbatim as JSON text, never interpreted")
  void namesVerbatim() {
    Profile profile =
        new Profile("<img src=x onerror=alert(1)>", "\"quoted\"", "", Optional.empty());
    String code =
        app.idp.issueClientCode(new VerifiedIdentity(People.bob(), profile)).code().value();
    HttpResponse<String> response = app.browser().logInWithCode(code);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body())
        .contains("\"name\":\"<img src=x onerror=alert(1)>\"", "\"enName\":\"\\\"quoted\\\"\"");
  }

  static String body(String code, String nonce) {
    return "{\"code\":\"" + code + "\",\"nonce\":\"" + nonce + "\"}";
  }
}
