package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.login.PendingLogin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserLoginTest {

  private final TestApp app = TestApp.start();

  @AfterEach
  void stop() {
    app.close();
  }

  /** Goes to /login and returns the state the provider would bring back. */
  private String startLogin(Browser browser, String returnPath) {
    HttpResponse<String> start =
        browser.get("/login" + (returnPath == null ? "" : "?return=" + returnPath));
    assertThat(start.statusCode()).isEqualTo(302);
    String location = start.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://idp.example.test/authorize?state=");
    return URI.create(location).getQuery().replaceAll(".*state=([^&]+).*", "$1");
  }

  private String codeForAlice() {
    PendingLogin pending = app.stores.lastPendingLogin();
    return app.idp.issueBrowserCode(TestApp.alice(), pending.verifier().orElseThrow()).value();
  }

  @Test
  @DisplayName(
      "SEC-17/SEC-20: a full browser login ends in a 302 to a clean URL with Referrer-Policy no-referrer")
  void fullLogin() {
    Browser browser = app.browser();
    String state = startLogin(browser, "/reports?tab=1");
    HttpResponse<String> callback =
        browser.get("/callback?code=" + codeForAlice() + "&state=" + state);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location"))
        .contains(TestApp.PUBLIC_URL + "/reports?tab=1");
    assertThat(callback.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(callback.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(browser.cookies).doesNotContainKey(Browser.stateCookie(state));
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("SEC-17: the state cookie is named after its login, HttpOnly, Max-Age=600, Lax")
  void stateCookie() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    assertThat(browser.cookies).containsEntry(Browser.stateCookie(state), state);
    assertThat(browser.get("/login").headers().allValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith("mdl_state_"))
        .singleElement()
        .satisfies(
            c -> assertThat(c).contains("Path=/;", "Max-Age=600", "HttpOnly", "SameSite=Lax"));
  }

  @Test
  @DisplayName(
      "SEC-17: missing state, missing cookie, wrong state → 400 page, no session, no upstream call")
  void badState() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    String code = codeForAlice();
    Browser noCookie = app.browser();
    String[] attempts = {
      "/callback?code=" + code, "/callback?code=" + code + "&state=" + "A".repeat(43)
    };
    for (String attempt : attempts) {
      HttpResponse<String> response = browser.get(attempt);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
      assertThat(response.body())
          .contains("data-failure=\"login_state_invalid\"", "data-retry=\"/login\"");
    }
    HttpResponse<String> withoutCookie = noCookie.get("/callback?code=" + code + "&state=" + state);
    assertThat(withoutCookie.statusCode()).isEqualTo(400);
    assertThat(browser.sessionCookie()).isNull();
    assertThat(noCookie.sessionCookie()).isNull();
    assertThat(app.idp.exchanges()).isZero();
  }

  @Test
  @DisplayName("SEC-17: an expired state (past 10 min) → 400, no session")
  void expiredState() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    String code = codeForAlice();
    app.clock.advance(Duration.ofMinutes(6)); // the use case's TTL in TestApp is 5 min
    HttpResponse<String> response = browser.get("/callback?code=" + code + "&state=" + state);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(browser.sessionCookie()).isNull();
    assertThat(app.idp.exchanges()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-20: a replayed callback (same code+state, even with the cookie) is refused before any upstream call")
  void replay() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    String stateCookie = browser.cookies.get(Browser.stateCookie(state));
    String url = "/callback?code=" + codeForAlice() + "&state=" + state;
    assertThat(browser.get(url).statusCode()).isEqualTo(302);
    assertThat(app.idp.exchanges()).isEqualTo(1);

    Browser replayer = app.browser();
    replayer.cookies.put(Browser.stateCookie(state), stateCookie);
    HttpResponse<String> replayed = replayer.get(url);
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(replayer.sessionCookie()).isNull();
    assertThat(app.idp.exchanges()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example",
        "/%5Cevil.example",
        "https:evil.example",
        "%2F%2Fevil.example",
        "javascript:alert(1)",
        "/ok%0d%0aSet-Cookie:x=y",
        "https://evil.example/",
      })
  @DisplayName("SEC-21: unsafe return paths fall back to the home page")
  void returnPaths(String unsafe) {
    Browser browser = app.browser();
    String state = startLogin(browser, unsafe.replace("\\", "%5C"));
    HttpResponse<String> callback =
        browser.get("/callback?code=" + codeForAlice() + "&state=" + state);
    assertThat(callback.statusCode()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location")).contains(TestApp.PUBLIC_URL + "/");
  }

  @Test
  @DisplayName("SEC-19: redirects come from publicBaseUrl, never from Host or X-Forwarded-Host")
  void locationNotFromHost() {
    Browser browser = app.browser();
    String state = startLogin(browser, "/x");
    HttpResponse<String> callback =
        browser.get(
            "/callback?code=" + codeForAlice() + "&state=" + state,
            "Host",
            "evil.example",
            "X-Forwarded-Host",
            "evil.example",
            "X-Forwarded-Proto",
            "https");
    assertThat(callback.headers().firstValue("Location")).contains(TestApp.PUBLIC_URL + "/x");
  }

  @Test
  @DisplayName(
      "SEC-26 SEC-35: error=access_denied → 403, the app's page in its failure state with the request id"
          + " and a try-again path; no session")
  void declined() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    HttpResponse<String> response = browser.get("/callback?error=access_denied&state=" + state);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(response.body())
        .contains("<title>miandeng test page</title>", "<script type=\"module\"")
        .contains(
            "<main id=\"app\" data-state=\"loading\" data-status=\"403\""
                + " data-failure=\"access_denied\" data-request-id=\""
                + requestId
                + "\" data-retry=\"/login\">");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    assertThat(browser.sessionCookie()).isNull();
  }

  @Test
  @DisplayName("SEC-35: server-rendered pages escape everything the request carried")
  void escapes() {
    HttpResponse<String> response =
        app.browser().get("/callback?error=%3Cscript%3Ealert(1)%3C/script%3E");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("<script>", "alert(1)");
    assertThat(FailurePage.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  @DisplayName("SEC-03: a browser login ends the session the browser held before")
  void browserLoginRotates() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String before = browser.sessionCookie();
    String state = startLogin(browser, null);
    browser.get("/callback?code=" + codeForAlice() + "&state=" + state);
    assertThat(browser.sessionCookie()).isNotEqualTo(before);
    Browser old = app.browser();
    old.cookies.put("mdl_session", before);
    assertThat(old.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("REL-03: provider down at the callback → 503 page with Retry-After")
  void providerDownAtCallback() {
    Browser browser = app.browser();
    String state = startLogin(browser, null);
    String code = codeForAlice();
    app.idp.failWith(new dev.miandeng.domain.identity.AuthCenterUnavailableException("down", null));
    HttpResponse<String> response = browser.get("/callback?code=" + code + "&state=" + state);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("10");
    assertThat(response.body())
        .contains("data-failure=\"auth_center_unavailable\"", "data-retry-after=\"10\"");
  }

  @Test
  @DisplayName("REL-08: store down at /login → 503 page with Retry-After; JSON for the API")
  void storeDownAtLogin() {
    app.stores.goDown();
    HttpResponse<String> page = app.browser().get("/login");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body()).contains("data-failure=\"store_unavailable\"");
    HttpResponse<String> api = app.browser().post("/api/login/nonce", "{}");
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(api.body()).startsWith("{\"error\":\"store_unavailable\"");
  }

  @Test
  @DisplayName("SEC-35: a missing page is the app's page in its failure state, trying again at /")
  void missingPage() {
    HttpResponse<String> response = app.browser().get("/no-such-page");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("data-failure=\"not_found\"", "data-retry=\"/\"");
  }
}
