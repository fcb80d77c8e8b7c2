package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The page's in-client login over HTTP, step by step as {@code assets/api.js} and {@code
 * assets/flow.js} do it (README "The login-free flow", steps 3, 4–6 and 7): {@code POST
 * /api/login/nonce} (which sets an {@code mdl_nonce_…} cookie), a one-time code from the "client",
 * then {@code POST /api/session} with {@code {code, nonce}} and the nonce cookie. Every POST
 * carries the page's Origin and {@code X-Requested-With: miandeng} (the app's CSRF guard, SEC-13,
 * SEC-14). Cookies are kept per login by hand, so one HTTP client serves many concurrent
 * "browsers".
 */
final class PageLogin {

  static final String SESSION_COOKIE = "mdl_session";

  /** Each pending login has its own nonce cookie: this prefix plus a tag of the nonce. */
  static final String NONCE_COOKIE_PREFIX = "mdl_nonce_";

  private final HttpClient http;
  private final URI app;
  private final String origin;

  PageLogin(HttpClient http, URI app) {
    this.http = http;
    this.app = app;
    this.origin = app.getScheme() + "://" + app.getAuthority();
  }

  /**
   * A client for many concurrent logins: HTTP/1.1 as browsers talk to the app here, its connections
   * kept alive and reused (a login's session post goes over its nonce request's connection when it
   * is free), its work on virtual threads so a thousand logins need no pool of platform threads in
   * the client.
   */
  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  /**
   * When each step of one login started and ended ({@link System#nanoTime()}), the session token it
   * got, and the app's request ids ({@code X-Request-Id}) of its two requests.
   */
  record Timings(
      String sessionToken,
      String code,
      long nonceStart,
      long nonceEnd,
      long postStart,
      long postEnd,
      String nonceRequestId,
      String postRequestId) {

    /** The two requests to the app, without the time the "client" took to mint the code. */
    long appNanos() {
      return (nonceEnd - nonceStart) + (postEnd - postStart);
    }
  }

  /** One whole login; {@code codes} stands in for the Feishu client's requestAccess. */
  Timings logIn(Supplier<String> codes) {
    long nonceStart = System.nanoTime();
    HttpResponse<String> nonceAnswer = post("/api/login/nonce", "{}", Optional.empty());
    long nonceEnd = System.nanoTime();
    String nonce = field(nonceAnswer, "nonce");
    String nonceCookie = cookiePair(nonceAnswer, NONCE_COOKIE_PREFIX);
    String code = codes.get();
    String body = Json.write(Map.of("code", code, "nonce", nonce));
    long postStart = System.nanoTime();
    HttpResponse<String> session = post("/api/session", body, Optional.of(nonceCookie));
    long postEnd = System.nanoTime();
    field(session, "user");
    return new Timings(
        cookie(session, SESSION_COOKIE),
        code,
        nonceStart,
        nonceEnd,
        postStart,
        postEnd,
        requestId(nonceAnswer),
        requestId(session));
  }

  /** {@code GET /api/me} with a session cookie: its status. */
  int me(String sessionToken) {
    HttpRequest request =
        HttpRequest.newBuilder(app.resolve("/api/me"))
            .header("Cookie", SESSION_COOKIE + "=" + sessionToken)
            .timeout(Duration.ofSeconds(30))
            .build();
    return send(request).statusCode();
  }

  private HttpResponse<String> post(String path, String body, Optional<String> cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(app.resolve(path))
            .header("Content-Type", "application/json")
            .header("Origin", origin)
            .header("X-Requested-With", "miandeng")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    cookie.ifPresent(value -> request.header("Cookie", value));
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() != 200) {
      throw new LoginFailedException(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String requestId(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("X-Request-Id")
        .orElseThrow(() -> new LoginFailedException("no X-Request-Id"));
  }

  private static String field(HttpResponse<String> response, String name) {
    try {
      return Json.field(response.body(), name);
    } catch (IllegalArgumentException e) {
      throw new LoginFailedException(e.getMessage());
    }
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return cookiePair(response, name + "=").substring(name.length() + 1);
  }

  /** The first non-empty {@code name=value} pair set whose name starts with {@code prefix}. */
  private static String cookiePair(HttpResponse<String> response, String prefix) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(header -> header.startsWith(prefix))
        .map(header -> header.split(";", 2)[0])
        .filter(pair -> !pair.endsWith("="))
        .findFirst()
        .orElseThrow(() -> new LoginFailedException("no " + prefix + "… cookie set"));
  }

  /** A step of the login did not give what the page expects. */
  static final class LoginFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoginFailedException(String message) {
      super(message);
    }
  }
}
