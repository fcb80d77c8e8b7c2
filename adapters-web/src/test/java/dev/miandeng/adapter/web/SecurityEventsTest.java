package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecurityEventsTest {

  private final TestApp app = TestApp.start();
  private final LogCapture events = new LogCapture(SecurityEvents.LOGGER);

  @AfterEach
  void stop() {
    events.close();
    app.close();
  }

  @Test
  @DisplayName(
      "SEC-34: one structured event per login ok/fail, state mismatch, CSRF refusal, logout, revocation; no secrets")
  void events() {
    Browser browser = app.browser();
    String code = app.clientCodeForAlice();
    String nonce = browser.nonce();
    var login = browser.post("/api/session", SessionApiTest.body(code, nonce));
    String requestId = login.headers().firstValue("X-Request-Id").orElseThrow();
    String session = browser.sessionCookie();
    browser.logInWithCode("never-issued");
    browser.get("/callback?code=abc&state=" + "A".repeat(43));
    browser.rawPost("/api/logout", "{}", "Origin", "https://evil.example");
    browser.logInAsAlice();
    browser.post("/api/logout-everywhere", "{}");
    browser.logInAsAlice();
    String ended = browser.sessionCookie();
    browser.post("/api/logout", "{}");
    browser.post("/api/logout", "{}", "Cookie", "mdl_session=" + ended);

    List<String> lines = events.lines();
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "time=2026-01-05T09:00:00Z event=login outcome=ok requestId="
                            + requestId
                            + " client=127\\.0\\.0\\.1 user=tenant-acme/ou_alice"))
        .anySatisfy(l -> assertThat(l).contains("event=login outcome=code_refused"))
        .anySatisfy(l -> assertThat(l).contains("event=state_mismatch outcome=refused"))
        .anySatisfy(l -> assertThat(l).contains("event=csrf_refused outcome=missing_custom_header"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("event=revocation outcome=ended_1 ")
                    .endsWith("user=tenant-acme/ou_alice"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("event=logout outcome=ok ")
                    .endsWith("user=tenant-acme/ou_alice"))
        .anySatisfy(
            l -> assertThat(l).contains("event=logout outcome=no_session ").endsWith("user=-"));
    assertThat(lines)
        .allSatisfy(l -> assertThat(l).doesNotContain(code, nonce, session, ended, "never-issued"));
  }
}
