package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CookieAttributesTest {

  private static String sessionSetCookie(HttpResponse<String> login) {
    return login.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.contains("mdl_session="))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "SEC-04: plain http: mdl_session, HttpOnly, Path=/, no Domain, SameSite=Lax, not Secure")
  void plain() {
    try (TestApp app = TestApp.start()) {
      String cookie = sessionSetCookie(app.browser().logInAsAlice());
      assertThat(cookie)
          .startsWith("mdl_session=")
          .contains("; Path=/;", "HttpOnly", "SameSite=Lax");
      assertThat(cookie).doesNotContain("Domain", "Secure", "Max-Age", "Expires");
    }
  }

  @Test
  @DisplayName("SEC-04: secure: __Host- prefix, Secure, HSTS on an https public URL")
  void secure() {
    try (TestApp app = TestApp.start(s -> s.withCookies(true, Set.of()))) {
      Browser browser = app.browser();
      String cookie = sessionSetCookie(browser.logInAsAlice());
      assertThat(cookie)
          .startsWith("__Host-mdl_session=")
          .contains("; Path=/;", "HttpOnly", "Secure", "SameSite=Lax");
      assertThat(cookie).doesNotContain("Domain");
      assertThat(browser.get("/api/me").statusCode()).isEqualTo(200);
      assertThat(Browser.setCookie(browser.get("/login"), "__Host-mdl_state_"))
          .contains("; Path=/;", "Secure");
      assertThat(Browser.setCookie(browser.post("/api/login/nonce", "{}"), "__Host-mdl_nonce_"))
          .contains("; Path=/;", "Secure");
    }
    try (TestApp app = TestApp.startAt("https://app.example.test")) {
      assertThat(app.settings.secureCookies()).isTrue();
      HttpResponse<String> config = app.browser().get("/api/config");
      assertThat(config.headers().firstValue("Strict-Transport-Security"))
          .contains("max-age=31536000");
      assertThat(app.browser().get("/login").headers().firstValue("Set-Cookie"))
          .hasValueSatisfying(c -> assertThat(c).contains("Secure"));
    }
  }

  @Test
  @DisplayName(
      "SEC-16: frame-ancestors 'self' by default; embed mode lists the host origins and uses SameSite=None; Secure")
  void embedMode() {
    try (TestApp app =
        TestApp.start(s -> s.withCookies(true, Set.of("https://host.example.test")))) {
      Browser browser = app.browser();
      HttpResponse<String> login = browser.logInAsAlice();
      assertThat(sessionSetCookie(login)).contains("SameSite=None", "Secure");
      assertThat(login.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).endsWith("frame-ancestors 'self' https://host.example.test"));
      assertThat(login.headers().firstValue("X-Frame-Options")).isEmpty();
    }
    try (TestApp app = TestApp.start()) {
      HttpResponse<String> config = app.browser().get("/api/config");
      assertThat(config.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).endsWith("frame-ancestors 'self'"));
      assertThat(config.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
    }
  }

  @Test
  @DisplayName(
      "SEC-26: the CSP allows the client script's origin for scripts and connections, and the"
          + " avatar origins for images, as the identity side names them")
  void cspFromTheClientSettings() {
    ClientLoginSettings client =
        new ClientLoginSettings(
            "cli_local",
            List.of(),
            URI.create("http://127.0.0.1:8090/jsapi/h5sdk.js"),
            Set.of(URI.create("http://127.0.0.1:8091/avatars/")));
    try (TestApp app = TestApp.withClient(client)) {
      HttpResponse<String> config = app.browser().get("/api/config");
      assertThat(config.body())
          .contains("\"jssdkUrl\":\"http://127.0.0.1:8090/jsapi/h5sdk.js\"")
          .doesNotContain("mode");
      assertThat(config.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains(
                          "script-src 'self' http://127.0.0.1:8090;",
                          "connect-src 'self' http://127.0.0.1:8090;",
                          "img-src 'self' data: https: http://127.0.0.1:8091;"));
    }
  }
}
