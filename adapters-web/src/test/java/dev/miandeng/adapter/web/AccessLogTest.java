package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {

  private final TestApp app = TestApp.start(s -> s.withAccessLog(true));
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);

  @BeforeEach
  void capture() {
    appender.start();
    access.addAppender(appender);
  }

  @AfterEach
  void stop() {
    access.detachAppender(appender);
    app.close();
  }

  /**
   * The line of the request with this id. Jetty writes it once the answer is complete, which the
   * client may see first: wait for it (bounded), never assert on a time.
   */
  private String lineOf(HttpResponse<String> response) throws InterruptedException {
    String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
    for (int i = 0; i < 500; i++) {
      for (String line : lines()) {
        if (line.endsWith(" " + id)) {
          return line;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no access-log line for request " + id + " in " + lines());
  }

  private List<String> lines() {
    synchronized (appender.list) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Test
  @DisplayName(
      "access log: client, method, path, protocol, status, bytes, microseconds and request id per request")
  void oneLinePerRequest() throws InterruptedException {
    Browser browser = app.browser();
    HttpResponse<String> login = browser.logInAsAlice();
    HttpResponse<String> me = browser.get("/api/me");

    assertThat(lineOf(login))
        .matches(
            Pattern.compile(
                "127\\.0\\.0\\.1 \"POST /api/session HTTP/1\\.1\" 200 \\d+ \\d+us [A-Za-z0-9_-]{16}"));
    assertThat(lineOf(me)).contains(" \"GET /api/me HTTP/1.1\" 200 ");
  }

  @Test
  @DisplayName(
      "SEC-12: the access log never holds the query (code, state), the session cookie or the nonce")
  void noSecrets() throws InterruptedException {
    Browser browser = app.browser();
    String code = app.clientCodeForAlice();
    String nonce = browser.nonce();
    HttpResponse<String> login =
        browser.post("/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + nonce + "\"}");
    String session = browser.sessionCookie();
    String state = "S".repeat(43);
    HttpResponse<String> callback = browser.get("/callback?code=callback-code&state=" + state);

    assertThat(lineOf(login)).contains("\"POST /api/session HTTP/1.1\" 200 ");
    assertThat(lineOf(callback)).contains("\"GET /callback HTTP/1.1\" 400 ");
    assertThat(lines())
        .isNotEmpty()
        .allSatisfy(
            line -> assertThat(line).doesNotContain(code, nonce, session, "callback-code", state));
  }
}
