package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsrfTest {

  private final TestApp app = TestApp.start();

  @AfterEach
  void stop() {
    app.close();
  }

  static Stream<Arguments> crossSite() {
    String json = "application/json";
    return Stream.of(
        Arguments.of(
            "no custom header", new String[] {"Origin", TestApp.PUBLIC_URL, "Content-Type", json}),
        Arguments.of(
            "wrong custom header",
            new String[] {
              "Origin",
              TestApp.PUBLIC_URL,
              "X-Requested-With",
              "XMLHttpRequest",
              "Content-Type",
              json
            }),
        Arguments.of(
            "foreign origin",
            new String[] {
              "Origin", "https://evil.example", "X-Requested-With", "miandeng", "Content-Type", json
            }),
        Arguments.of(
            "origin with another port",
            new String[] {
              "Origin",
              TestApp.PUBLIC_URL + ":8443",
              "X-Requested-With",
              "miandeng",
              "Content-Type",
              json
            }),
        Arguments.of(
            "null origin",
            new String[] {"Origin", "null", "X-Requested-With", "miandeng", "Content-Type", json}),
        Arguments.of(
            "no origin, no fetch metadata",
            new String[] {"X-Requested-With", "miandeng", "Content-Type", json}),
        Arguments.of(
            "no origin, cross-site fetch",
            new String[] {
              "Sec-Fetch-Site", "cross-site", "X-Requested-With", "miandeng", "Content-Type", json
            }),
        Arguments.of(
            "right origin but same-site fetch",
            new String[] {
              "Origin",
              TestApp.PUBLIC_URL,
              "Sec-Fetch-Site",
              "same-site",
              "X-Requested-With",
              "miandeng",
              "Content-Type",
              json
            }),
        Arguments.of(
            "form post",
            new String[] {
              "Origin", "https://evil.example", "Content-Type", "application/x-www-form-urlencoded"
            }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crossSite")
  @DisplayName("SEC-13: cross-site POSTs are refused with 403 csrf_rejected and change nothing")
  void crossSiteRefused(String why, String[] headers) {
    Browser victim = app.browser();
    victim.logInAsAlice();
    for (String path :
        new String[] {
          "/api/logout", "/api/logout-everywhere", "/api/login/nonce", "/api/session"
        }) {
      HttpResponse<String> response = victim.rawPost(path, "{}", headers);
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      assertThat(response.body()).startsWith("{\"error\":\"csrf_rejected\"");
      assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
    assertThat(victim.get("/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "SEC-13: without Origin, Sec-Fetch-Site: same-origin plus the custom header is accepted")
  void fetchMetadataAccepted() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    HttpResponse<String> response =
        browser.rawPost(
            "/api/logout", "{}",
            "Sec-Fetch-Site", "same-origin",
            "X-Requested-With", "miandeng",
            "Content-Type", "application/json; charset=utf-8");
    assertThat(response.statusCode()).isEqualTo(204);
  }

  @Test
  @DisplayName(
      "SEC-14: a cross-origin post of an attacker's code is refused and creates no session")
  void loginCsrf() {
    Browser victim = app.browser();
    String nonce = victim.nonce();
    HttpResponse<String> response =
        victim.rawPost(
            "/api/session",
            SessionApiTest.body(app.clientCodeForAlice(), nonce),
            "Origin",
            "https://evil.example",
            "X-Requested-With",
            "miandeng",
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(victim.sessionCookie()).isNull();
    assertThat(app.idp.exchanges()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-13: GET and HEAD never change state (GET /api/logout is 405; the session lives)")
  void getChangesNothing() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    assertThat(browser.get("/api/logout").statusCode()).isEqualTo(405);
    assertThat(browser.get("/api/logout-everywhere").statusCode()).isEqualTo(405);
    assertThat(browser.send("HEAD", "/api/logout").statusCode()).isIn(404, 405);
    assertThat(browser.get("/api/session").statusCode()).isEqualTo(405);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
  }
}
