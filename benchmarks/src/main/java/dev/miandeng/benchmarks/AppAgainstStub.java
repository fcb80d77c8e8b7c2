package dev.miandeng.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged app as it runs in production, "real Feishu" mode with no simulator in
 * process, pointed at the {@link AuthCenterStub} (README, Configuration: {@code FEISHU_APP_ID},
 * {@code FEISHU_APP_SECRET}, {@code FEISHU_OPEN_API_BASE_URL}, {@code FEISHU_ACCOUNTS_BASE_URL},
 * {@code FEISHU_EXCHANGE}, {@code MIANDENG_PUBLIC_BASE_URL}), on H2 with Flyway in a fresh data
 * directory, or on the database of {@code DB_URL}.
 */
final class AppAgainstStub {

  private AppAgainstStub() {}

  /** The started app and where it answers. */
  record Started(ServerProcess process, URI baseUrl) implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }

  static Started start(BenchOptions options, AuthCenterStub stub, Path dir, String exchange) {
    return start(options, stub, dir, exchange, List.of(), Map.of());
  }

  /**
   * As {@link #start(BenchOptions, AuthCenterStub, Path, String)}, with {@code agentFlags} before
   * {@code -jar} (a {@code -javaagent:}) and {@code extraEnv} (a store's settings) added.
   */
  static Started start(
      BenchOptions options,
      AuthCenterStub stub,
      Path dir,
      String exchange,
      List<String> agentFlags,
      Map<String, String> extraEnv) {
    int port = FreePorts.next();
    URI base = URI.create("http://127.0.0.1:" + port);
    List<String> flags = new ArrayList<>(options.jvmFlags());
    flags.addAll(agentFlags);
    Map<String, String> env = new HashMap<>(extraEnv);
    if (!options.dbUrl().isEmpty()) {
      env.put("MIANDENG_DB_URL", options.dbUrl());
    }
    env.putAll(
        Map.of(
            "MIANDENG_PORT",
            Integer.toString(port),
            "MIANDENG_PUBLIC_BASE_URL",
            base.toString(),
            "MIANDENG_DATA_DIR",
            dir.resolve("data").toString(),
            // The default (20 a minute per client) is meant for people, not for a load run.
            "MIANDENG_LOGIN_RATE_LIMIT",
            "100000",
            "MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS",
            "100000",
            "FEISHU_APP_ID",
            AuthCenterStub.APP_ID,
            "FEISHU_APP_SECRET",
            AuthCenterStub.APP_SECRET,
            "FEISHU_OPEN_API_BASE_URL",
            stub.baseUrl().toString(),
            "FEISHU_ACCOUNTS_BASE_URL",
            stub.baseUrl().toString(),
            "FEISHU_EXCHANGE",
            exchange));
    ServerProcess process =
        ServerProcess.start(
            "miandeng (real-Feishu mode against the stub)",
            ServerProcess.java(flags, "-jar", options.appJar().toString()),
            env,
            base.resolve("/health/ready"),
            dir.resolve("server.log"));
    return new Started(process, base);
  }
}
