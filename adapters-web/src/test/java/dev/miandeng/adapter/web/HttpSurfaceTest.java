package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.application.UseCases;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP surface of one shared server: headers, methods, sizes, bad input, path tricks. */
class HttpSurfaceTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(s -> s.withLoginRateLimits(10_000, 10_000));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void assertSecurityHeaders(java.net.http.HttpHeaders headers) {
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains(
                        "default-src 'self'",
                        "script-src 'self' https://lf-scm-cn.feishucdn.com",
                        "img-src 'self' data: https:",
                        "object-src 'none'",
                        "base-uri 'none'",
                        "form-action 'self'",
                        "frame-ancestors 'self'"));
    assertThat(headers.firstValue("Referrer-Policy")).isPresent();
    assertThat(headers.firstValue("Server")).isEmpty();
    assertThat(headers.firstValue("X-Request-Id")).isPresent();
    assertThat(headers.firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  @DisplayName(
      "HEAD answers as GET does, without a body, on every route GET has (RFC 9110 §9.3.2), the"
          + " task list included; the browser login's start and callback are apart (SEC-13,"
          + " HealthAndShutdownTest)")
  void headAsGet() {
    Browser browser = app.browser();
    for (String path :
        List.of("/", "/api/config", "/api/me", "/api/me/tasks", "/health/live", "/health/ready")) {
      HttpResponse<String> get = browser.get(path);
      HttpResponse<String> head = browser.send("HEAD", path);

      assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(get.statusCode());
      assertThat(head.body()).as("HEAD %s", path).isEmpty();
    }
  }

  @Test
  @DisplayName("SEC-26: security headers on 200, 401, 404, 405, 413, 415 and 400 answers alike")
  void headersEverywhere() {
    Browser browser = app.browser();
    assertSecurityHeaders(browser.get("/api/config").headers());
    assertSecurityHeaders(browser.get("/api/me").headers());
    HttpResponse<String> notFound = browser.get("/api/nope");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertSecurityHeaders(notFound.headers());
    assertThat(notFound.body()).startsWith("{\"error\":\"not_found\"");
    HttpResponse<String> pageNotFound = browser.get("/nope.html");
    assertThat(pageNotFound.statusCode()).isEqualTo(404);
    assertSecurityHeaders(pageNotFound.headers());
    HttpResponse<String> methodNotAllowed = browser.post("/api/me", "{}");
    assertThat(methodNotAllowed.statusCode()).isEqualTo(405);
    assertSecurityHeaders(methodNotAllowed.headers());
    assertThat(methodNotAllowed.body()).startsWith("{\"error\":\"method_not_allowed\"");
    HttpResponse<String> tooLarge =
        browser.post("/api/login/nonce", "{\"a\":\"" + "x".repeat(20_000) + "\"}");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertSecurityHeaders(tooLarge.headers());
    HttpResponse<String> wrongType =
        browser.post("/api/login/nonce", "{}", "Content-Type", "text/plain");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertSecurityHeaders(wrongType.headers());
    assertSecurityHeaders(browser.post("/api/session", "nope").headers());
  }

  @Test
  @DisplayName(
      "SEC-26: Cache-Control no-store on API, login, callback and health; HSTS absent over http")
  void cacheControl() {
    Browser browser = app.browser();
    for (String path :
        new String[] {
          "/api/config", "/api/me", "/login", "/callback", "/health/live", "/health/ready"
        }) {
      assertThat(browser.get(path).headers().firstValue("Cache-Control"))
          .as(path)
          .contains("no-store");
    }
    assertThat(browser.get("/api/config").headers().firstValue("Strict-Transport-Security"))
        .isEmpty();
    assertThat(browser.get("/login").headers().firstValue("Referrer-Policy"))
        .contains("strict-origin-when-cross-origin");
    assertThat(browser.get("/callback").headers().firstValue("Referrer-Policy"))
        .contains("no-referrer");
  }

  @Test
  @DisplayName(
      "SEC-26: static files: index.html revalidates, assets cache briefly with an ETag, both with CSP")
  void staticFiles() {
    Browser browser = app.browser();
    HttpResponse<String> index = browser.get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("data-state=\"loading\"");
    assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
    assertSecurityHeaders(index.headers());
    HttpResponse<String> asset = browser.get("/assets/app.js");
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.body()).contains("test-asset");
    assertThat(asset.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    assertThat(asset.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    String etag = asset.headers().firstValue("ETag").orElseThrow();
    assertThat(browser.get("/assets/app.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertSecurityHeaders(asset.headers());
  }

  @Test
  @DisplayName(
      "SEC-26: the logged-in /api/me answer, written straight to the stream, keeps every header,"
          + " its own request id, a JSON type and an exact length; HEAD sends no body")
  void authenticatedMeAnswer() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    HttpResponse<String> me = browser.get("/api/me", "Accept-Encoding", "gzip");
    assertThat(me.statusCode()).isEqualTo(200);
    assertSecurityHeaders(me.headers());
    assertThat(me.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(me.headers().firstValue("Content-Type").map(type -> type.replace(" ", "")))
        .contains("application/json;charset=utf-8");
    assertThat(me.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(me.body()).startsWith("{\"user\":{\"name\":");
    assertThat(me.headers().firstValueAsLong("Content-Length"))
        .hasValue(me.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    HttpResponse<String> again = browser.get("/api/me");
    assertThat(again.headers().firstValue("X-Request-Id"))
        .isPresent()
        .isNotEqualTo(me.headers().firstValue("X-Request-Id"));
    HttpResponse<String> head = browser.send("HEAD", "/api/me");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertSecurityHeaders(head.headers());
  }

  @Test
  @DisplayName(
      "the page is gzipped for a browser that accepts it; JSON answers never pass a compressor")
  void compression() {
    Browser browser = app.browser();
    HttpResponse<String> index = browser.get("/", "Accept-Encoding", "gzip");
    assertThat(index.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(
            browser
                .get("/index.html", "Accept-Encoding", "gzip")
                .headers()
                .firstValue("Content-Encoding"))
        .contains("gzip");
    HttpResponse<String> config = browser.get("/api/config", "Accept-Encoding", "gzip");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(config.headers().firstValue("Vary")).isEmpty();
  }

  @Test
  @DisplayName("SEC-27: no CORS for anyone: a preflight gets no allow headers; TRACE is 405")
  void noCors() {
    Browser browser = app.browser();
    HttpResponse<String> preflight =
        browser.send(
            "OPTIONS",
            "/api/session",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "x-requested-with, content-type");
    assertThat(preflight.headers().map().keySet())
        .noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    HttpResponse<String> simple = browser.get("/api/config", "Origin", "https://evil.example");
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(simple.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    assertThat(
            RawHttp.status(
                RawHttp.exchange(
                    app.port,
                    "TRACE /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")))
        .isEqualTo(405);
    assertThat(
            RawHttp.status(
                RawHttp.exchange(
                    app.port,
                    "PUT /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")))
        .isEqualTo(405);
  }

  @Test
  @DisplayName("a 405 on a routed path says in Allow the methods the path has (RFC 9110 §15.5.6)")
  void allowOn405() {
    Browser browser = app.browser();

    HttpResponse<String> getLogout = browser.get("/api/logout");
    HttpResponse<String> getLogoutAsPage = browser.get("/api/logout", "Accept", "text/html");

    assertThat(getLogout.statusCode()).isEqualTo(405);
    assertThat(getLogout.headers().firstValue("Allow")).contains("POST");
    assertThat(getLogoutAsPage.statusCode()).isEqualTo(405);
    assertThat(getLogoutAsPage.headers().firstValue("Allow")).contains("POST");
    assertThat(browser.get("/api/session").headers().firstValue("Allow")).contains("POST");
  }

  @Test
  @DisplayName("SEC-28: a declared body over the limit is refused with 413 before it is read")
  void bodyTooLargeDeclared() {
    String response =
        RawHttp.exchange(
            app.port,
            "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
                + TestApp.PUBLIC_URL
                + "\r\nX-Requested-With: miandeng\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n{");
    assertThat(RawHttp.status(response)).isEqualTo(413);
    assertThat(response).contains("\"error\":\"payload_too_large\"");
  }

  @Test
  @DisplayName("SEC-28: a chunked body over the limit is cut off with 413")
  void bodyTooLargeChunked() {
    String chunk = "x".repeat(6_000);
    String chunkLine = Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n";
    String response =
        RawHttp.exchange(
            app.port,
            "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
                + TestApp.PUBLIC_URL
                + "\r\nX-Requested-With: miandeng\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + chunkLine
                + chunkLine
                + chunkLine
                + "0\r\n\r\n");
    assertThat(RawHttp.status(response)).isEqualTo(413);
    assertThat(response).contains("\"error\":\"payload_too_large\"");
  }

  @Test
  @DisplayName(
      "SEC-26: an error answer on a static file's path is never stored (no shared cache may keep a"
          + " 404, 400 or 431 for the asset's max-age)")
  void errorsOnStaticPathsAreNotStored() {
    Browser browser = app.browser();
    for (String path : new String[] {"/assets/missing.js", "/assets/%2e%2e/x"}) {
      HttpResponse<String> error = browser.get(path);
      assertThat(error.statusCode()).as(path).isIn(400, 404);
      assertThat(error.headers().allValues("Cache-Control")).as(path).containsExactly("no-store");
      assertSecurityHeaders(error.headers());
    }
    for (String path : new String[] {"/assets/app.js", "/"}) {
      String raw = RawHttp.get(app.port, path, "X-Big: " + "y".repeat(16 * 1024));
      assertThat(RawHttp.status(raw)).as(path).isEqualTo(431);
      assertThat(raw).as(path).contains("Cache-Control: no-store").doesNotContain("max-age");
    }
  }

  @Test
  @DisplayName("SEC-28: oversized request headers → 431 in the JSON shape")
  void headersTooLarge() {
    String response = RawHttp.get(app.port, "/api/me", "X-Big: " + "y".repeat(16 * 1024));
    assertThat(RawHttp.status(response)).isEqualTo(431);
    assertThat(response)
        .contains("\"error\":\"headers_too_large\"", "X-Content-Type-Options: nosniff");
    assertThat(response).doesNotContain("Jetty").doesNotContain("org.eclipse");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "\"code\"",
        "{\"code\":123,\"nonce\":\"x\"}",
        "{\"code\":[\"a\"],\"nonce\":\"x\"}",
        "{\"code\":\"abc\",\"nonce\":\"x\",\"admin\":\"true\"}",
        "{\"code\":\"abc\",\"code\":\"def\",\"nonce\":\"x\"}",
        "{\"code\":\"abc\"}",
        "{\"code\":\"a b'; DROP TABLE users; --\",\"nonce\":\"" + "A" + "\"}",
        "{\"code\":null,\"nonce\":\"x\"}",
        "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}}}}}}}}}}}}}}",
      })
  @DisplayName(
      "SEC-29: malformed JSON, wrong types, unknown or duplicate fields → 400 in the one shape, no internals")
  void badJson(String body) {
    HttpResponse<String> response = app.browser().post("/api/session", body);
    assertThat(response.statusCode()).isIn(400);
    assertThat(response.body())
        .matches(
            "\\{\"error\":\"(bad_request|login_state_invalid)\",\"message\":\"[^\"]+\",\"requestId\":\"[A-Za-z0-9_-]+\"}")
        .doesNotContain("Exception", "jackson", "dev.miandeng", "at ", "SQL");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"code\":\"a\",\"nonce\":\"x\"} trailing",
        "{\"code\":\"a\",\"nonce\":\"x\"}{}",
        "{\"code\":\"a\",\"nonce\":\"x\"}]",
      })
  @DisplayName("SEC-29: a JSON object with anything but whitespace after it is malformed → 400")
  void trailingTokens(String body) {
    HttpResponse<String> response = app.browser().post("/api/session", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"error\":\"bad_request\"");
  }

  @Test
  @DisplayName("SEC-29: wrong Content-Type → 415 unsupported_media_type")
  void wrongContentType() {
    HttpResponse<String> response =
        app.browser()
            .post(
                "/api/session",
                "code=a&nonce=b",
                "Content-Type",
                "application/x-www-form-urlencoded");
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).startsWith("{\"error\":\"unsupported_media_type\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/me;x=1",
        "/api/./me",
        "/api/x/../me",
        "/api/%2e%2e/api/me",
        "/api/%2E/me",
        "//api/me",
        "/api//me",
        "/api/me%00",
        "/api/me%0d%0aX-Injected:%201",
        "/api%2fme",
        "/api/me%5c",
        "/assets/..%2f..%2fWEB-INF",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/%%32%65%%32%65/api/me",
        "/api/me%",
      })
  @DisplayName("SEC-30: path tricks never reach /api/me as a logged-in user, and never cause a 5xx")
  void pathTricks(String path) {
    Browser browser = app.browser();
    browser.logInAsAlice();
    String response = RawHttp.get(app.port, path, "Cookie: mdl_session=" + browser.sessionCookie());
    assertThat(RawHttp.status(response)).isIn(400, 404);
    assertThat(response).doesNotContain("tenant-acme").doesNotContain("X-Injected");
  }

  @Test
  @DisplayName("SEC-04/SEC-06: no container session cookie (JSESSIONID) is ever set")
  void noContainerSession() {
    Browser browser = app.browser();
    browser.logInAsAlice();
    browser.get("/api/me");
    assertThat(browser.cookies.keySet()).allMatch(Set.of("mdl_session", "mdl_browser")::contains);
  }

  @Test
  @DisplayName(
      "SEC-29: an unexpected failure is a 500 in the one shape; nothing of the exception leaks")
  void unexpectedFailure() {
    try (TestApp broken =
        TestApp.withUseCases(
            u ->
                new UseCases(
                    u.issueLoginNonce(),
                    u.startBrowserLogin(),
                    u.finishLogin(),
                    token -> {
                      throw new IllegalStateException("SELECT * FROM sessions WHERE id = 'x'");
                    },
                    u.logOut(),
                    u.logOutEverywhere(),
                    u.sweepExpired(),
                    u.obtainUserAccessToken(),
                    u.signJsapiConfig(),
                    u.listMyTasks()))) {
      Browser browser = broken.browser();
      browser.cookies.put("mdl_session", "A".repeat(43));
      HttpResponse<String> response = browser.get("/api/me");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body())
          .startsWith("{\"error\":\"internal_error\"")
          .doesNotContain("SELECT", "IllegalState", "Exception");
      assertSecurityHeaders(response.headers());
    }
  }
}
