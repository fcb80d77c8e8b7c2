package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.Wrk.WrkResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * <p>The app is the packaged jar on its embedded default (H2 in a fresh data directory, the Feishu
 * simulator in process), loaded with {@code SESSIONS} real sessions logged in through the page's
 * flow first; wrk picks a random one per request.
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
      String server, int round, Duration startup, WrkResult load, long cpuMicros, long rssKib) {

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
  }

  List<Measurement> run() {
    List<Subject> subjects = List.of(new Bare(), new App());
    List<Measurement> all = new ArrayList<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (Subject subject : subjects) {
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
        all.add(m);
      }
    }
    return all;
  }

  private Measurement measure(Subject subject, int round) {
    Path dir = WorkDir.create(work.resolve(subject.name() + "-" + round));
    try (ServerProcess server = subject.start(dir)) {
      Path tokens = subject.tokens(server, dir);
      URI url = subject.url(server);
      if (options.warms()) {
        wrk.run(url, tokens, options.warmup());
      }
      long cpuBefore = server.cpuMicros();
      WrkResult load = wrk.run(url, tokens, options.duration());
      long cpuAfter = server.cpuMicros();
      long rss = server.rssKib();
      if (load.requests() == 0 || load.non2xx() > 0) {
        throw new IllegalStateException(
            subject.name() + " answered " + load + "; log tail:\n" + server.logTail());
      }
      return new Measurement(
          subject.name(), round, server.startup(), load, cpuAfter - cpuBefore, rss);
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
      return ServerProcess.start(
          "bare server",
          ServerProcess.java(
              options.jvmFlags(),
              "-cp",
              options.benchJar().toString(),
              BareServer.class.getName(),
              Integer.toString(port)),
          Map.of(),
          URI.create("http://127.0.0.1:" + port + BareServer.READY_PATH),
          dir.resolve("server.log"));
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
  }

  /** The packaged app on H2 with the simulator; sessions logged in through the page's flow. */
  private final class App implements Subject {
    private int port;
    private int simulatorPort;

    @Override
    public String name() {
      return "app";
    }

    @Override
    public ServerProcess start(Path dir) {
      port = FreePorts.next();
      simulatorPort = FreePorts.next();
      return ServerProcess.start(
          "miandeng",
          ServerProcess.java(options.jvmFlags(), "-jar", options.appJar().toString()),
          Map.of(
              "MIANDENG_PORT", Integer.toString(port),
              "MIANDENG_SIMULATOR_PORT", Integer.toString(simulatorPort),
              "MIANDENG_DATA_DIR", dir.resolve("data").toString(),
              // The default (20 a minute per client) is meant for people, not for a load run.
              "MIANDENG_LOGIN_RATE_LIMIT", "100000"),
          URI.create("http://127.0.0.1:" + port + "/health/ready"),
          dir.resolve("server.log"));
    }

    @Override
    public Path tokens(ServerProcess server, Path dir) {
      HttpClient http = PageLogin.newClient();
      PageLogin page = new PageLogin(http, URI.create("http://127.0.0.1:" + port));
      SimulatorCodes codes =
          SimulatorCodes.forCurrentUser(http, URI.create("http://127.0.0.1:" + simulatorPort));
      List<String> tokens =
          Parallel.run(
              options.sessions(),
              LOGIN_CONCURRENCY,
              i -> page.logIn(codes::requestAccess).sessionToken());
      int status = page.me(tokens.getFirst());
      if (status != 200) {
        throw new IllegalStateException("GET /api/me with a fresh session answered " + status);
      }
      return writeTokens(dir, tokens);
    }

    @Override
    public URI url(ServerProcess server) {
      return URI.create("http://127.0.0.1:" + port + "/api/me");
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

  /** The simulator's control API minting a requestAccess code, as its JSAPI shim does. */
  record SimulatorCodes(HttpClient http, URI simulator, String openId) {

    static SimulatorCodes forCurrentUser(HttpClient http, URI simulator) {
      String body = send(http, HttpRequest.newBuilder(simulator.resolve("/_sim/client")).build());
      return new SimulatorCodes(http, simulator, Json.field(body, "user"));
    }

    String requestAccess() {
      HttpRequest request =
          HttpRequest.newBuilder(simulator.resolve("/_sim/codes"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Json.write(Map.of("openId", openId, "kind", "requestAccess"))))
              .build();
      return Json.field(send(http, request), "code");
    }

    private static String send(HttpClient http, HttpRequest request) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
