package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AccessLogTest {

  private final TestApp app = TestApp.start(s -> s.withAccessLog(true));
  private final LogCapture access = new LogCapture(AccessLog.LOGGER);

  @AfterEach
  void stop() {
    access.close();
    app.close();
  }

  /**
   * The line of the request with this id. Jetty writes it once the answer is complete, which the
   * client may see first: wait for it (bounded), never assert on a time.
   */
  private ILoggingEvent eventOf(HttpResponse<String> response) throws InterruptedException {
    String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
    for (int i = 0; i < 500; i++) {
      for (ILoggingEvent event : access.events()) {
        if (event.getFormattedMessage().endsWith(" " + id)) {
          return event;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no access-log line for request " + id + " in " + access.lines());
  }

  private String lineOf(HttpResponse<String> response) throws InterruptedException {
    return eventOf(response).getFormattedMessage();
  }

  @Test
  @DisplayName(
      "access log: client, method, path, protocol, status, bytes, microseconds, those waiting on"
          + " Feishu and request id per request")
  void oneLinePerRequest() throws InterruptedException {
    Browser browser = app.browser();
    HttpResponse<String> login = browser.logInAsAlice();
    HttpResponse<String> me = browser.get("/api/me");

    assertThat(lineOf(login))
        .matches(
            Pattern.compile(
                "127\\.0\\.0\\.1 \"POST /api/session HTTP/1\\.1\" 200 \\d+ \\d+us upstream=\\d+us"
                    + " [A-Za-z0-9_-]{16}"));
    assertThat(lineOf(me)).contains(" \"GET /api/me HTTP/1.1\" 200 ");
    assertThat(eventOf(me).getMDCPropertyMap())
        .as("the request id in the logging context, as on the request's other lines")
        .containsEntry(
            RequestIds.MDC_KEY, me.headers().firstValue(RequestIds.HEADER).orElseThrow());
  }

  @Test
  @DisplayName(
      "SEC-12: the access log never holds the query (code, state), a path parameter, the session cookie or the nonce")
  void noSecrets() throws InterruptedException {
    Browser browser = app.browser();
    String code = app.clientCodeForAlice();
    String nonce = browser.nonce();
    HttpResponse<String> login =
        browser.post("/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + nonce + "\"}");
    String session = browser.sessionCookie();
    String state = "S".repeat(43);
    HttpResponse<String> callback = browser.get("/callback?code=callback-code&state=" + state);
    HttpResponse<String> pathParameter = browser.get("/callback;jsessionid=path-secret?code=x");

    assertThat(lineOf(login)).contains("\"POST /api/session HTTP/1.1\" 200 ");
    assertThat(lineOf(callback)).contains("\"GET /callback HTTP/1.1\" 400 ");
    assertThat(lineOf(pathParameter)).contains("\"GET /callback HTTP/1.1\" 400 ");
    assertThat(access.lines())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(code, nonce, session, "callback-code", state, "path-secret"));
  }

  @Test
  @DisplayName(
      "access log: upstream= is the time the Feishu adapter put in the logging context during the"
          + " request, and 0 for the next request, which made no call")
  void upstreamTime() throws InterruptedException {
    long feishuMicros = 201_950;
    try (TestApp slow =
        TestApp.withIdentityLookup(
            idp ->
                new IdentityLookup() {
                  @Override
                  public VerifiedIdentity identify(CodeGrant grant) {
                    // What the Feishu adapter does for each call it makes: add its time.
                    MDC.put(UpstreamTime.MDC_KEY, Long.toString(feishuMicros));
                    return idp.identify(grant);
                  }

                  @Override
                  public URI authorizeUrl(
                      String state, PkceVerifier verifier, Set<String> extraScopes) {
                    return idp.authorizeUrl(state, verifier, extraScopes);
                  }
                },
            s -> s.withAccessLog(true))) {
      Browser browser = slow.browser();
      HttpResponse<String> login = browser.logInAsAlice();
      HttpResponse<String> me = browser.get("/api/me");

      assertThat(lineOf(login)).contains(" upstream=" + feishuMicros + "us ");
      assertThat(lineOf(me)).contains(" upstream=0us ");
    }
  }

  @Test
  @DisplayName("SEC-12: path parameters are cut from every segment of the logged path")
  void pathParameters() {
    assertThat(AccessLog.pathWithoutParameters("/a;x=1/b;y")).isEqualTo("/a/b");
    assertThat(AccessLog.pathWithoutParameters("/callback;jsessionid=s")).isEqualTo("/callback");
    assertThat(AccessLog.pathWithoutParameters("/api/me")).isEqualTo("/api/me");
    assertThat(AccessLog.pathWithoutParameters(";x/")).isEqualTo("/");
    assertThat(AccessLog.pathWithoutParameters(null)).isEqualTo("-");
  }
}
