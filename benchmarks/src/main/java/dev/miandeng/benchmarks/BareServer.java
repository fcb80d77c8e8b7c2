package dev.miandeng.benchmarks;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline of the side-by-side run: a bare Javalin 7 server (the app's Javalin version) with
 * one JSON endpoint shaped like the app's {@code GET /api/me} answer and a readiness URL. Nothing
 * else: no filters, no headers of its own, no session lookup. It uses virtual threads as the app
 * does ({@code cfg.concurrency.useVirtualThreads}), so the ratio measures what the app adds, not a
 * different threading model.
 *
 * <p>Given an auth center, it also serves the login run's floor ({@link BareLoginFloor}): {@code
 * POST /bare-login} with {@code {"code": …}} makes a login's two calls to it, the code exchange (v2
 * token endpoint) and user_info, with the JDK HttpClient set up as the app sets up its own
 * (HTTP/1.1, no redirects, a direct executor), and answers {@code {"callsNanos": n}}: the two
 * calls' time on this JVM's clock. No JSON mapping of the answers, no database, no session.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.miandeng.benchmarks.BareServer PORT
 * [AUTH_CENTER_URL]}
 */
public final class BareServer {

  private static final Logger LOG = LoggerFactory.getLogger(BareServer.class);

  /** The JSON endpoint, at the app's path so one wrk script serves both. */
  public static final String ME_PATH = "/api/me";

  /** A login's two auth-center calls and nothing else; served only with an auth center. */
  public static final String LOGIN_PATH = "/bare-login";

  /** Answers 200 once the server accepts requests, like the app's readiness URL. */
  public static final String READY_PATH = "/health/ready";

  private BareServer() {}

  public static void main(String[] args) {
    int port = args.length == 0 ? 0 : Integer.parseInt(args[0]);
    Javalin server = start(port, args.length > 1 ? URI.create(args[1]) : null);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
    LOG.info("bare server listening on 127.0.0.1:{}", server.port());
  }

  /**
   * Starts it in a JVM of its own with the run's flags, on 127.0.0.1:{@code port}, its output in
   * {@code log}; with {@code authCenter} (may be null) it serves {@link #LOGIN_PATH} too. Returns
   * once the server is ready.
   */
  static ServerProcess launch(BenchOptions options, int port, URI authCenter, Path log) {
    List<String> main =
        new ArrayList<>(
            List.of(
                "-cp",
                options.benchJar().toString(),
                BareServer.class.getName(),
                Integer.toString(port)));
    if (authCenter != null) {
      main.add(authCenter.toString());
    }
    return ServerProcess.start(
        authCenter == null ? "bare server" : "bare login server",
        ServerProcess.java(options.jvmFlags(), main.toArray(String[]::new)),
        Map.of(),
        URI.create("http://127.0.0.1:" + port + READY_PATH),
        log);
  }

  /** Starts on 127.0.0.1:{@code port} (0 = a free port); the caller stops it. */
  public static Javalin start(int port) {
    return start(port, null);
  }

  /** As {@link #start(int)}, with {@link #LOGIN_PATH} calling {@code authCenter} when given. */
  static Javalin start(int port, URI authCenter) {
    Map<String, Object> body = meBody();
    BareCalls calls = authCenter == null ? null : new BareCalls(authCenter);
    Map<String, String> ready = Map.of("status", "UP");
    return Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.concurrency.useVirtualThreads = true;
              cfg.routes.get(ME_PATH, ctx -> ctx.json(body));
              cfg.routes.get(READY_PATH, ctx -> ctx.json(ready));
              if (calls != null) {
                cfg.routes.post(
                    LOGIN_PATH,
                    ctx ->
                        ctx.json(
                            Map.of("callsNanos", calls.logIn(Json.field(ctx.body(), "code")))));
                // The auth center refused or failed: a bad gateway, said in one line, no trace.
                cfg.routes.exception(
                    AuthCenterCallFailed.class, (e, ctx) -> ctx.status(502).result(e.getMessage()));
              }
            })
        .start("127.0.0.1", port);
  }

  /**
   * A body of the same shape and about the same size as the app's {@code /api/me} answer
   * (docs/web-api.md: {@code {"user": {"name", "enName", "avatarUrl", "tenantKey"}}}).
   */
  public static Map<String, Object> meBody() {
    Map<String, String> user = new LinkedHashMap<>();
    user.put("name", "张三");
    user.put("enName", "Zhang San");
    user.put("avatarUrl", "http://127.0.0.1:45678/avatars/ou_sim_zhangsan.svg");
    user.put("tenantKey", "tenant-simulator");
    return Map.of("user", user);
  }

  /** A call of a bare login that got no 200 from the auth center. */
  private static final class AuthCenterCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AuthCenterCallFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A login's two calls to the auth center, timed. */
  private static final class BareCalls {

    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(Runnable::run)
            .build();
    private final URI token;
    private final URI userInfo;

    BareCalls(URI authCenter) {
      token = authCenter.resolve("/open-apis/authen/v2/oauth/token");
      userInfo = authCenter.resolve("/open-apis/authen/v1/user_info");
    }

    /** The code exchange, then user_info with its token; the nanoseconds both took. */
    long logIn(String code) {
      long start = System.nanoTime();
      String exchange = Json.write(AuthCenterStub.v2ExchangeBody(code));
      String userToken =
          Json.field(
              send(
                  HttpRequest.newBuilder(token)
                      .header("Content-Type", "application/json; charset=utf-8")
                      .POST(HttpRequest.BodyPublishers.ofString(exchange))),
              "access_token");
      send(HttpRequest.newBuilder(userInfo).header("Authorization", "Bearer " + userToken));
      return System.nanoTime() - start;
    }

    private String send(HttpRequest.Builder request) {
      try {
        // As the app's client waits: on the future, with no per-request timeout in the client.
        HttpResponse<String> answer =
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .get(5, TimeUnit.SECONDS);
        if (answer.statusCode() != 200) {
          throw new AuthCenterCallFailed(
              request.build().uri() + " answered " + answer.statusCode() + ": " + answer.body(),
              null);
        }
        return answer.body();
      } catch (ExecutionException | TimeoutException e) {
        throw new AuthCenterCallFailed(request.build().uri() + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
