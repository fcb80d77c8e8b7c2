package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.Wrk.WrkResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Item 1 of issue 13: in one interleaved run (round 1: bare, app; round 2: bare, app; …), fresh
 * JVMs with identical flags serve {@code GET /api/me} to wrk; each prints requests/s, CPU per
 * request over exactly the measured window, p50/p99, start-up to ready and RSS, and the medians'
 * ratios app / bare.
 *
 * <p>The app is the production jar in real-Feishu mode against an {@link AuthCenterStub} with no
 * latency (H2 in a fresh data directory; with {@code SESSIONS_STORE=redis} sessions and pending
 * logins in Redis), loaded with {@code SESSIONS} real sessions logged in through the page's flow
 * first; wrk picks a random one per request. Its JVM carries the {@code SqlCountingAgent}, so the
 * run also counts the SQL statements the measured window cost: the proof that the session cache
 * keeps authenticated requests off the database.
 */
final class SideBySide {

  private static final int LOGIN_CONCURRENCY = 16;

  private final BenchOptions options;
  private final Path work;
  private final PrintStream out;
  private final Wrk wrk;

  SideBySide(BenchOptions options, Path work, PrintStream out) {
    this.options = options;
    this.work = work;
    this.out = out;
    this.wrk = Wrk.prepare(options.threads(), options.connections(), work);
  }

  /** One server's figures in one round. */
  record Measurement(
      String server,
      int round,
      Duration startup,
      WrkResult load,
      long cpuMicros,
      long rssKib,
      SqlCounts sql) {

    double cpuMicrosPerRequest() {
      return (double) cpuMicros / load.requests();
    }
  }

  /** A server under test: how to start it and what session tokens wrk sends it. */
  private interface Subject {
    String name();

    ServerProcess start(Path dir);

    Path tokens(ServerProcess server, Path dir);

    URI url(ServerProcess server);

    /** The SQL statements the server prepared so far ({@link SqlCounts#NONE} if it has none). */
    SqlCounts sql();

    /** Cleans up after a stopped server. */
    default void stopped() {}
  }

  List<Measurement> run() {
    List<Measurement> all = new ArrayList<>();
    try (AuthCenterStub stub = AuthCenterStub.start(Duration.ZERO)) {
      List<Subject> subjects = List.of(new Bare(), new App(stub));
      for (int round = 1; round <= options.rounds(); round++) {
        for (Subject subject : subjects) {
          all.add(measureAndPrint(subject, round));
        }
      }
    }
    return all;
  }

  private Measurement measureAndPrint(Subject subject, int round) {
    Measurement m = measure(subject, round);
    out.printf(
        "  round %d %-16s %9.0f req/s %7.1f µs CPU/req  p50 %6.2f ms  p99 %6.2f ms  ready %5d ms  RSS %4.0f MiB%s%n",
        round,
        m.server(),
        m.load().requestsPerSecond(),
        m.cpuMicrosPerRequest(),
        m.load().p50Micros() / 1000.0,
        m.load().p99Micros() / 1000.0,
        m.startup().toMillis(),
        m.rssKib() / 1024.0,
        problems(m.load()));
    if (m.sql() != SqlCounts.NONE) {
      out.printf(
          "          %d SQL statements in the window (%.4f per request)%s%n",
          m.sql().total(),
          (double) m.sql().total() / m.load().requests(),
          m.sql().bySql().isEmpty() ? "" : ": " + m.sql().bySql());
    }
    return m;
  }

  private Measurement measure(Subject subject, int round) {
    Path dir = WorkDir.create(work.resolve(subject.name() + "-" + round));
    try {
      return measure(subject, round, dir);
    } finally {
      subject.stopped();
    }
  }

  private Measurement measure(Subject subject, int round, Path dir) {
    try (ServerProcess server = subject.start(dir)) {
      Path tokens = subject.tokens(server, dir);
      URI url = subject.url(server);
      if (options.warms()) {
        wrk.run(url, tokens, options.warmup());
      }
      SqlCounts sqlBefore = subject.sql();
      long cpuBefore = server.cpuMicros();
      WrkResult load = wrk.run(url, tokens, options.duration());
      long cpuAfter = server.cpuMicros();
      SqlCounts sql = subject.sql().minus(sqlBefore);
      long rss = server.rssKib();
      if (load.requests() == 0 || load.non2xx() > 0) {
        throw new IllegalStateException(
            subject.name() + " answered " + load + "; log tail:\n" + server.logTail());
      }
      return new Measurement(
          subject.name(), round, server.startup(), load, cpuAfter - cpuBefore, rss, sql);
    }
  }

  private static String problems(WrkResult load) {
    return load.socketErrors() == 0 ? "" : "  (" + load.socketErrors() + " socket errors)";
  }

  /** Prints the medians and the ratios to bare as a Markdown table. */
  void report(List<Measurement> all) {
    Map<String, List<Measurement>> byServer =
        Map.of(
            "bare", all.stream().filter(m -> m.server().equals("bare")).toList(),
            "app", all.stream().filter(m -> m.server().equals("app")).toList());
    List<Column> columns =
        List.of(
            new Column("requests/s", "%.0f", m -> m.load().requestsPerSecond()),
            new Column("CPU µs/request", "%.1f", Measurement::cpuMicrosPerRequest),
            new Column("p50 ms", "%.2f", m -> m.load().p50Micros() / 1000.0),
            new Column("p99 ms", "%.2f", m -> m.load().p99Micros() / 1000.0),
            new Column("start-up to ready ms", "%.0f", m -> (double) m.startup().toMillis()),
            new Column("RSS MiB", "%.0f", m -> m.rssKib() / 1024.0));
    out.println();
    out.printf(
        "Medians of %d interleaved round(s), wrk -t%d -c%d -d%s (warm-up %s), %d sessions, JVM %s%n",
        options.rounds(),
        options.threads(),
        options.connections(),
        options.duration(),
        options.warmup(),
        options.sessions(),
        String.join(" ", options.jvmFlags()));
    out.println();
    StringBuilder header = new StringBuilder("| |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Column column : columns) {
      header.append(' ').append(column.title()).append(" |");
      rule.append("---|");
    }
    out.println(header);
    out.println(rule);
    row("bare Javalin", columns, c -> c.median(byServer.get("bare")));
    row("miandeng `/api/me`", columns, c -> c.median(byServer.get("app")));
    out.print("| **app / bare** |");
    for (Column column : columns) {
      double ratio = column.median(byServer.get("app")) / column.median(byServer.get("bare"));
      out.printf(" **%.2f×** |", ratio);
    }
    out.println();
    databaseShare(byServer.get("app"));
  }

  /**
   * A request that reaches the database prepares at least one statement and no statement twice, so
   * the requests that reached it number at least the count of the most frequent statement and at
   * most the count of all statements.
   */
  private void databaseShare(List<Measurement> app) {
    long statements = app.stream().mapToLong(m -> m.sql().total()).sum();
    long mostFrequent =
        app.stream()
            .mapToLong(
                m -> m.sql().bySql().values().stream().mapToLong(Long::longValue).max().orElse(0))
            .sum();
    long requests = app.stream().mapToLong(m -> m.load().requests()).sum();
    out.println();
    out.printf(
        "Database: %,d SQL statements (the most frequent one %,d times) for %,d authenticated"
            + " requests in the measured windows: %.2f–%.2f %% of the requests reached the database,"
            + " %.2f–%.2f %% were served by the caches alone (goal ≥ 95 %%)%s.%n",
        statements,
        mostFrequent,
        requests,
        100.0 * mostFrequent / requests,
        100.0 * statements / requests,
        100.0 - 100.0 * statements / requests,
        100.0 - 100.0 * mostFrequent / requests,
        options.sessionsStore().equals("redis")
            ? "; sessions are in Redis, read there on every request and not counted here: only"
                + " the user store's SQL is"
            : "");
  }

  private void row(String label, List<Column> columns, Function<Column, Double> value) {
    out.print("| " + label + " |");
    for (Column column : columns) {
      out.print(" " + String.format(column.format(), value.apply(column)) + " |");
    }
    out.println();
  }

  private record Column(String title, String format, ToDoubleFunction<Measurement> value) {
    double median(List<Measurement> measurements) {
      return Stats.median(measurements.stream().map(m -> value.applyAsDouble(m)).toList());
    }
  }

  /** The bare Javalin server, from this module's own jar and classpath. */
  private final class Bare implements Subject {
    private int port;

    @Override
    public String name() {
      return "bare";
    }

    @Override
    public ServerProcess start(Path dir) {
      port = FreePorts.next();
      return BareServer.launch(options, port, null, dir.resolve("server.log"));
    }

    /** Tokens of the app's shape, which the bare server ignores: wrk's work stays the same. */
    @Override
    public Path tokens(ServerProcess server, Path dir) {
      SecureRandom random = new SecureRandom();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < options.sessions(); i++) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        tokens.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
      return writeTokens(dir, tokens);
    }

    @Override
    public URI url(ServerProcess server) {
      return URI.create("http://127.0.0.1:" + port + BareServer.ME_PATH);
    }

    @Override
    public SqlCounts sql() {
      return SqlCounts.NONE;
    }
  }

  /** The production jar against the stub; sessions logged in through the page's flow. */
  private final class App implements Subject {
    private final AuthCenterStub stub;
    private URI base;
    private int agentPort;
    private int nextUser;
    private String redisPrefix;

    App(AuthCenterStub stub) {
      this.stub = stub;
    }

    @Override
    public String name() {
      return "app";
    }

    @Override
    public ServerProcess start(Path dir) {
      agentPort = FreePorts.next();
      AppAgainstStub.Started app =
          AppAgainstStub.start(
              options,
              stub,
              dir,
              "v2",
              List.of("-javaagent:" + options.agentJar() + "=" + agentPort),
              storeSettings());
      base = app.baseUrl();
      return app.process();
    }

    private Map<String, String> storeSettings() {
      if (!options.sessionsStore().equals("redis")) {
        return Map.of();
      }
      redisPrefix = "miandeng-bench-" + ProcessHandle.current().pid() + "-" + nextUser + ":";
      return Map.of(
          "MIANDENG_SESSIONS",
          "redis",
          "MIANDENG_LOGIN_STATES",
          "redis",
          "MIANDENG_REDIS_URL",
          options.redisUrl(),
          "MIANDENG_REDIS_KEY_PREFIX",
          redisPrefix);
    }

    @Override
    public Path tokens(ServerProcess server, Path dir) {
      PageLogin page = new PageLogin(PageLogin.newClient(), base);
      int first = nextUser;
      nextUser += options.sessions();
      List<String> tokens =
          Parallel.run(
              options.sessions(),
              LOGIN_CONCURRENCY,
              i -> page.logIn(() -> stub.mintCode(first + i)).sessionToken());
      int status = page.me(tokens.getFirst());
      if (status != 200) {
        throw new IllegalStateException("GET /api/me with a fresh session answered " + status);
      }
      return writeTokens(dir, tokens);
    }

    @Override
    public URI url(ServerProcess server) {
      return base.resolve("/api/me");
    }

    @Override
    public SqlCounts sql() {
      return SqlCounts.read(agentPort);
    }

    @Override
    public void stopped() {
      if (redisPrefix != null) {
        RedisKeys.deleteQuietly(options.redisUrl(), redisPrefix);
      }
    }
  }

  private static Path writeTokens(Path dir, List<String> tokens) {
    Path file = dir.resolve("sessions.txt");
    try {
      Files.write(file, tokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
