package dev.miandeng.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Feishu auth center on loopback for the login load run: the four endpoints the app
 * calls, answering the documented JSON after a fixed latency, and recording when each call for each
 * login ran so the driver can subtract the stub's time from the login's. Every request gets a
 * virtual thread, so the stub itself is never the limit.
 *
 * <p>Endpoints and bodies (the project's facts page, docs/feishu-auth-center.md §3, from Feishu's
 * pages named there):
 *
 * <ul>
 *   <li>{@code POST /open-apis/auth/v3/app_access_token/internal} ({@code
 *       server-docs/.../app_access_token_internal}): body {@code app_id}, {@code app_secret}; flat
 *       reply {@code code, msg, app_access_token, expire, tenant_access_token}. The stub keeps one
 *       token for its whole life (asking again with ≥ 30 min left returns the same token).
 *   <li>{@code POST /open-apis/authen/v1/oidc/access_token} (OIDC v1, "historic versions"): {@code
 *       Authorization: Bearer <app_access_token>}, body {@code grant_type=authorization_code,
 *       code}; tokens under {@code data}. A wrong app token gets 99991663; an unknown code 20003, a
 *       spent one 20065 (codes are single use).
 *   <li>{@code POST /open-apis/authen/v2/oauth/token} ({@code
 *       authentication-management/access-token/get-user-access-token}): {@code client_id,
 *       client_secret, code}; a flat reply. A wrong secret gets 20002.
 *   <li>{@code GET /open-apis/authen/v1/user_info} ({@code
 *       server-docs/authentication-management/login-state-management/get}): {@code Authorization:
 *       Bearer <user_access_token>}; the person under {@code data}; an unknown token 99991668.
 * </ul>
 *
 * Every business answer carries {@code code} and {@code msg}; errors come with HTTP 400.
 */
final class AuthCenterStub implements AutoCloseable {

  static final String APP_ID = "cli_benchmark000001";
  static final String APP_SECRET = "benchmark-app-secret-0123456789";
  static final String TENANT_KEY = "tenant-benchmark";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** When the exchange this thread runs was handed on by the dispatcher: see timedFromDispatch. */
  private static final ThreadLocal<Long> ARRIVED_NANOS = new ThreadLocal<>();

  static {
    // The JDK server closes a connection after its answer once 200 are idle: after a burst of
    // logins the app keeps hundreds open to the stub, so every later connection (the app's, the
    // bare login's) was closed under its next request, which then failed with "header parser
    // received no bytes" (a POST is not sent again). A gateway keeps an idle connection for its
    // keep-alive time, however many there are; so does the stub. Read once, when the first JDK
    // server starts: the stub is the only one in the bench's JVM.
    System.setProperty(
        "sun.net.httpserver.maxIdleConnections",
        System.getProperty("sun.net.httpserver.maxIdleConnections", "100000"));
  }

  /** One stub-side call: which endpoint, for which code (if any), when it began and ended. */
  record Call(String endpoint, String code, long startNanos, long endNanos) {
    long nanos() {
      return endNanos - startNanos;
    }
  }

  private final Duration latency;
  private volatile HttpServer server;
  private final String appAccessToken = "a-" + randomHex(16);
  private final Map<String, Integer> unusedCodes = new ConcurrentHashMap<>();
  private final Map<String, Integer> userOfSpentCode = new ConcurrentHashMap<>();
  private final Map<String, String> codeOfUserToken = new ConcurrentHashMap<>();
  private final Map<String, Integer> userOfUserToken = new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private AuthCenterStub(Duration latency) {
    this.latency = latency;
  }

  /**
   * Starts on a free loopback port; each call answers {@code latency} after its request arrived
   * (was read and handed on by the server's dispatcher), so the stub's time per call is the
   * latency, however busy the stub.
   */
  static AuthCenterStub start(Duration latency) {
    AuthCenterStub stub = new AuthCenterStub(latency);
    stub.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return stub;
  }

  /**
   * Closes every connection to the stub, the idle keep-alive ones included, and listens again on
   * the same port with the same tokens and codes. The JDK server cannot close only its idle
   * connections, so it stops (a call still in progress gets up to a second) and a new one binds.
   */
  void closeConnections() {
    InetSocketAddress address = server.getAddress();
    server.stop(1);
    listen(address);
  }

  private void listen(InetSocketAddress address) {
    HttpServer listening;
    try {
      // A deep accept queue: a burst of connections from the app must not be dropped here.
      listening = HttpServer.create(address, 4096);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the auth-center stub on " + address, e);
    }
    listening.setExecutor(timedFromDispatch(Executors.newVirtualThreadPerTaskExecutor()));
    listening.createContext("/open-apis/auth/v3/app_access_token/internal", this::appAccessToken);
    listening.createContext("/open-apis/authen/v1/oidc/access_token", this::oidcAccessToken);
    listening.createContext("/open-apis/authen/v2/oauth/token", this::v2Token);
    listening.createContext("/open-apis/authen/v1/user_info", this::userInfo);
    listening.createContext(
        "/", exchange -> answer(exchange, "unknown", null, 404, error(404, "not found")));
    listening.start();
    server = listening;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * A one-time code for user number {@code user}, as the Feishu client's requestAccess would give
   * the page.
   */
  String mintCode(int user) {
    String code = "code-" + randomHex(16);
    unusedCodes.put(code, user);
    return code;
  }

  /** The v2 token endpoint's body that spends {@code code}, with the stub's app credentials. */
  static Map<String, String> v2ExchangeBody(String code) {
    return Map.of(
        "grant_type", "authorization_code",
        "client_id", APP_ID,
        "client_secret", APP_SECRET,
        "code", code);
  }

  /** Every call so far, in the order they were answered. */
  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The most calls the stub was answering at one moment. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  void resetMaxInFlight() {
    maxInFlight.set(inFlight.get());
  }

  private void appAccessToken(HttpExchange exchange) throws IOException {
    handle(
        exchange,
        "app_access_token",
        () -> {
          JsonNode body = body(exchange);
          if (!APP_ID.equals(text(body, "app_id"))
              || !APP_SECRET.equals(text(body, "app_secret"))) {
            return new Answer(null, 400, error(99991543, "app_id or app_secret is invalid"));
          }
          Map<String, Object> reply = ok();
          reply.put("app_access_token", appAccessToken);
          reply.put("expire", 7200);
          reply.put("tenant_access_token", "t-" + appAccessToken.substring(2));
          return new Answer(null, 200, reply);
        });
  }

  private void oidcAccessToken(HttpExchange exchange) throws IOException {
    handle(
        exchange,
        "oidc/access_token",
        () -> {
          JsonNode body = body(exchange);
          String code = text(body, "code");
          if (!("Bearer " + appAccessToken)
              .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(code, 400, error(99991663, "Invalid access token for authorization"));
          }
          Answer refused = spend(body, code);
          if (refused != null) {
            return refused;
          }
          Map<String, Object> tokens = new LinkedHashMap<>();
          tokens.put("access_token", issueUserToken(code));
          tokens.put("refresh_token", "ur-" + randomHex(16));
          tokens.put("token_type", "Bearer");
          tokens.put("expires_in", 6900);
          tokens.put("refresh_expires_in", 2_592_000);
          tokens.put("scope", "");
          Map<String, Object> reply = ok();
          reply.put("data", tokens);
          return new Answer(code, 200, reply);
        });
  }

  private void v2Token(HttpExchange exchange) throws IOException {
    handle(
        exchange,
        "v2/oauth/token",
        () -> {
          JsonNode body = body(exchange);
          String code = text(body, "code");
          if (!APP_ID.equals(text(body, "client_id"))
              || !APP_SECRET.equals(text(body, "client_secret"))) {
            return new Answer(
                code, 400, v2Error(20002, "invalid_client", "client secret is invalid"));
          }
          Answer refused = spend(body, code);
          if (refused != null) {
            return refused;
          }
          Map<String, Object> reply = new LinkedHashMap<>();
          reply.put("code", 0);
          reply.put("access_token", issueUserToken(code));
          reply.put("expires_in", 7200);
          reply.put("token_type", "Bearer");
          reply.put("scope", "");
          return new Answer(code, 200, reply);
        });
  }

  private void userInfo(HttpExchange exchange) throws IOException {
    handle(
        exchange,
        "user_info",
        () -> {
          String header = exchange.getRequestHeaders().getFirst("Authorization");
          String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
          Integer user = userOfUserToken.get(token);
          if (user == null) {
            return new Answer(null, 400, error(99991668, "Invalid access token for authorization"));
          }
          String id = String.format("%06d", user);
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("name", "压测用户 " + id);
          data.put("en_name", "Load User " + id);
          data.put("avatar_url", "https://avatars.invalid/" + id + ".png");
          data.put("avatar_thumb", "https://avatars.invalid/" + id + "-72.png");
          data.put("avatar_middle", "https://avatars.invalid/" + id + "-240.png");
          data.put("avatar_big", "https://avatars.invalid/" + id + "-640.png");
          data.put("open_id", "ou_bench_" + id);
          data.put("union_id", "on_bench_" + id);
          data.put("tenant_key", TENANT_KEY);
          Map<String, Object> reply = ok();
          reply.put("data", data);
          return new Answer(codeOfUserToken.get(token), 200, reply);
        });
  }

  /**
   * Spends an authorization code, or says why not: the grant must be {@code authorization_code};
   * codes are single use (facts §3.5, §4): unknown → 20003, spent → 20065.
   */
  private Answer spend(JsonNode body, String code) {
    if (!"authorization_code".equals(text(body, "grant_type"))) {
      return new Answer(code, 400, error(20001, "invalid grant_type"));
    }
    if (code == null) {
      return new Answer(null, 400, error(20003, "code not found"));
    }
    Integer user = unusedCodes.remove(code);
    if (user == null) {
      boolean spent = userOfSpentCode.containsKey(code);
      return new Answer(
          code, 400, spent ? error(20065, "code already used") : error(20003, "code not found"));
    }
    userOfSpentCode.put(code, user);
    return null;
  }

  private String issueUserToken(String code) {
    String token = "u-" + randomHex(24);
    codeOfUserToken.put(token, code);
    userOfUserToken.put(token, userOfSpentCode.get(code));
    return token;
  }

  /** What one call answers, and for which login code it was. */
  private record Answer(String code, int status, Map<String, Object> body) {}

  @FunctionalInterface
  private interface Reply {
    Answer get() throws IOException;
  }

  /**
   * Runs each exchange on {@code executor}, noting when the JDK server's dispatcher handed it on:
   * the request's bytes have arrived by then, so a call's time starts where the caller's wait on
   * the stub does, not after a virtual thread was scheduled and read the request (which, under a
   * burst, is the stub's delay and would otherwise be counted as the app's).
   */
  private static Executor timedFromDispatch(Executor executor) {
    return task -> {
      long arrived = System.nanoTime();
      executor.execute(
          () -> {
            ARRIVED_NANOS.set(arrived);
            try {
              task.run();
            } finally {
              ARRIVED_NANOS.remove();
            }
          });
    };
  }

  private void handle(HttpExchange exchange, String endpoint, Reply reply) throws IOException {
    Long arrived = ARRIVED_NANOS.get();
    long start = arrived != null ? arrived : System.nanoTime();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      Answer answer = reply.get();
      // The answer leaves `latency` after the request arrived, whatever the stub's own work took.
      ServerProcess.sleep(
          Duration.ofNanos(Math.max(0, start + latency.toNanos() - System.nanoTime())));
      answer(exchange, endpoint, answer.code(), answer.status(), answer.body(), start);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void answer(
      HttpExchange exchange, String endpoint, String code, int status, Map<String, Object> body)
      throws IOException {
    answer(exchange, endpoint, code, status, body, System.nanoTime());
  }

  private void answer(
      HttpExchange exchange,
      String endpoint,
      String code,
      int status,
      Map<String, Object> body,
      long start)
      throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    // Recorded just before the answer leaves, so a caller that has its answer finds the call.
    Call call = new Call(endpoint, code, start, System.nanoTime());
    synchronized (calls) {
      calls.add(call);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static JsonNode body(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    if (contentType == null || !contentType.startsWith("application/json")) {
      return Json.MAPPER.createObjectNode();
    }
    return Json.read(new String(bytes, StandardCharsets.UTF_8));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static Map<String, Object> ok() {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("code", 0);
    reply.put("msg", "success");
    return reply;
  }

  private static Map<String, Object> error(int code, String msg) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("code", code);
    reply.put("msg", msg);
    return reply;
  }

  /** v2 errors carry {@code error} and {@code error_description} beside {@code code}. */
  private static Map<String, Object> v2Error(int code, String error, String description) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("code", code);
    reply.put("error", error);
    reply.put("error_description", description);
    return reply;
  }

  private static String randomHex(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
