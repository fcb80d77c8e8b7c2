package dev.miandeng.benchmarks;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline of the side-by-side run: a bare Javalin 7 server (the app's Javalin version) with
 * one JSON endpoint shaped like the app's {@code GET /api/me} answer and a readiness URL. Nothing
 * else: no filters, no headers of its own, no session lookup. It uses virtual threads as the app
 * does ({@code cfg.concurrency.useVirtualThreads}), so the ratio measures what the app adds, not a
 * different threading model.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.miandeng.benchmarks.BareServer PORT}
 */
public final class BareServer {

  private static final Logger LOG = LoggerFactory.getLogger(BareServer.class);

  /** The JSON endpoint, at the app's path so one wrk script serves both. */
  public static final String ME_PATH = "/api/me";

  /** Answers 200 once the server accepts requests, like the app's readiness URL. */
  public static final String READY_PATH = "/health/ready";

  private BareServer() {}

  public static void main(String[] args) {
    int port = args.length == 0 ? 0 : Integer.parseInt(args[0]);
    Javalin server = start(port);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(server::stop));
    LOG.info("bare server listening on 127.0.0.1:{}", server.port());
  }

  /** Starts on 127.0.0.1:{@code port} (0 = a free port); the caller stops it. */
  public static Javalin start(int port) {
    Map<String, Object> body = meBody();
    Map<String, String> ready = Map.of("status", "UP");
    return Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.concurrency.useVirtualThreads = true;
              cfg.routes.get(ME_PATH, ctx -> ctx.json(body));
              cfg.routes.get(READY_PATH, ctx -> ctx.json(ready));
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
}
