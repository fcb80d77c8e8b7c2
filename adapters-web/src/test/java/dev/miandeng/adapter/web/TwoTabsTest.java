package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Feishu desktop client can show the app in the sidebar and in a window at once, and a person
 * can start /login in two tabs: one browser, two logins in flight, each must finish.
 */
class TwoTabsTest {

  private final TestApp app = TestApp.start();

  @AfterEach
  void stop() {
    app.close();
  }

  private TestApp.StartedLogin startLogin(Browser browser) {
    TestApp.StartedLogin login = app.startBrowserLogin(browser);
    assertThat(login.status()).isEqualTo(302);
    return login;
  }

  private HttpResponse<String> callback(Browser browser, TestApp.StartedLogin login) {
    return app.finishBrowserLogin(browser, login);
  }

  @Test
  @DisplayName(
      "SEC-14: two in-client logins from one browser (sidebar and window: two nonces) both succeed,"
          + " in either order")
  void twoNonces() {
    Browser browser = app.browser();
    String sidebar = browser.nonce();
    String window = browser.nonce();
    assertThat(browser.cookies)
        .containsEntry(Browser.nonceCookie(sidebar), sidebar)
        .containsEntry(Browser.nonceCookie(window), window);

    HttpResponse<String> second =
        browser.post("/api/session", SessionApiTest.body(app.clientCodeForAlice(), window));
    HttpResponse<String> first =
        browser.post("/api/session", SessionApiTest.body(app.clientCodeForAlice(), sidebar));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(browser.cookies.keySet()).noneMatch(name -> name.startsWith("mdl_nonce_"));
  }

  @Test
  @DisplayName("SEC-17: two browser logins started in two tabs (two states) both succeed")
  void twoStates() {
    Browser browser = app.browser();
    TestApp.StartedLogin first = startLogin(browser);
    TestApp.StartedLogin second = startLogin(browser);

    assertThat(callback(browser, second).statusCode()).isEqualTo(302);
    assertThat(callback(browser, first).statusCode()).isEqualTo(302);
    assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(browser.cookies.keySet()).noneMatch(name -> name.startsWith("mdl_state_"));
    assertThat(app.idp.exchanges()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "SEC-14/SEC-17: one tab's cookie does not vouch for the other's nonce or state, and each is"
          + " single use")
  void bindingStaysPerLogin() {
    Browser browser = app.browser();
    String mine = browser.nonce();
    String other = app.browser().nonce();
    HttpResponse<String> foreign =
        browser.post("/api/session", SessionApiTest.body(app.clientCodeForAlice(), other));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("login_state_invalid");
    assertThat(browser.cookies).containsKey(Browser.nonceCookie(mine));

    TestApp.StartedLogin login = startLogin(browser);
    assertThat(callback(browser, login).statusCode()).isEqualTo(302);
    assertThat(callback(browser, login).statusCode()).isEqualTo(400);
    assertThat(app.idp.exchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "SEC-14/SEC-17: at most four pending logins of each kind: a fifth drops the oldest, so the"
          + " Cookie header stays small")
  void pendingLoginsAreBounded() {
    Browser browser = app.browser();
    List<String> nonces = new ArrayList<>();
    List<TestApp.StartedLogin> logins = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      nonces.add(browser.nonce());
      logins.add(startLogin(browser));
    }
    assertThat(browser.cookies.keySet().stream().filter(n -> n.startsWith("mdl_nonce_")))
        .hasSize(AppCookies.MAX_PENDING_LOGINS);
    assertThat(browser.cookies.keySet().stream().filter(n -> n.startsWith("mdl_state_")))
        .hasSize(AppCookies.MAX_PENDING_LOGINS);

    HttpResponse<String> oldest =
        browser.post("/api/session", SessionApiTest.body(app.clientCodeForAlice(), nonces.get(0)));
    assertThat(oldest.statusCode()).isEqualTo(400);
    assertThat(callback(browser, logins.get(1)).statusCode()).isEqualTo(400);
    assertThat(
            browser
                .post("/api/session", SessionApiTest.body(app.clientCodeForAlice(), nonces.get(5)))
                .statusCode())
        .isEqualTo(200);
    assertThat(callback(browser, logins.get(5)).statusCode()).isEqualTo(302);
    assertThat(callback(browser, logins.get(2)).statusCode()).isEqualTo(302);
  }
}
