package dev.miandeng.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The measurement half of item 4 of issue 13: the production jar (real-Feishu mode against the
 * {@link AuthCenterStub} with no latency, H2 with Flyway, no simulator in process) — its start-up
 * to ready, then its live heap after a full GC and its RSS when idle and again with {@code
 * MEMORY_SESSIONS} (10,000) sessions of as many users logged in and each looked up once, so each
 * sits in the session and user caches. The same figures are also taken at a tenth of the sessions,
 * so the cost of one more session can be told from the one-time costs of the first logins (code
 * paths' caches, the database's page cache filling). It prints what the idle heap holds and what
 * grew.
 */
final class MemoryFootprint {

  private static final int CONCURRENCY = 32;
  private static final int CLASSES_SHOWN = 8;

  /**
   * The app caches a session read for at most 5 s (adapters-persistence, {@code
   * DatabaseSettings.MAX_CACHE_TTL}); a lookup pass slower than this leaves fewer sessions cached.
   */
  private static final Duration SESSION_CACHE_TTL = Duration.ofSeconds(5);

  private final BenchOptions options;
  private final Path work;
  private final PrintStream out;

  MemoryFootprint(BenchOptions options, Path work, PrintStream out) {
    this.options = options;
    this.work = work;
    this.out = out;
  }

  void run() {
    Path dir = WorkDir.create(work.resolve("memory"));
    int n = options.memorySessions();
    try (AuthCenterStub stub = AuthCenterStub.start(Duration.ZERO);
        AppAgainstStub.Started app = AppAgainstStub.start(options, stub, dir, "v2")) {
      ServerProcess process = app.process();
      HeapHistogram idle = process.liveHeap();
      long idleRss = process.rssKib();
      long perConnection = idleConnectionBytes(app, idle);
      PageLogin page = new PageLogin(PageLogin.newClient(), app.baseUrl());
      List<String> tokens = new ArrayList<>();
      Step first = step(page, stub, tokens, Math.max(1, n / 10), process);
      Step all = step(page, stub, tokens, n, process);

      out.println();
      out.printf(
          "Production jar (%s + Flyway, no simulator, JVM %s): start-up to ready %d ms%n",
          options.dbUrl().isEmpty() ? "H2" : "the DB_URL database",
          String.join(" ", options.jvmFlags()),
          process.startup().toMillis());
      out.println();
      out.println("| | live heap after full GC MiB | RSS MiB |");
      out.println("|---|---|---|");
      out.printf("| idle | %.1f | %d |%n", mib(idle.totalBytes()), idleRss / 1024);
      for (Step step : List.of(first, all)) {
        out.printf(
            "| %,d cached sessions (each looked up once, in %d ms) | %.1f | %d |%n",
            step.sessions(),
            step.lookups().toMillis(),
            mib(step.heap().totalBytes()),
            step.rssKib() / 1024);
      }
      long growth = all.heap().totalBytes() - idle.totalBytes();
      out.printf(
          "| growth idle → %,d sessions | **%.1f** (%.2f KiB a session) | %d |%n",
          n, mib(growth), growth / 1024.0 / n, (all.rssKib() - idleRss) / 1024);
      long slope = all.heap().totalBytes() - first.heap().totalBytes();
      int added = all.sessions() - first.sessions();
      if (added > 0) {
        out.printf(
            "| per session, %,d → %,d (one-time costs of the first logins left out) | %.2f KiB | |%n",
            first.sessions(), all.sessions(), slope / 1024.0 / added);
      }
      out.println("Goal (issue 13): growth ≤ 20 MB for 10k sessions (≤ 2 KB a session).");
      out.printf(
          "Each idle keep-alive connection (a browser between requests, measured with %,d of them"
              + " before the logins): %.1f KiB of live heap.%n",
          IDLE_CONNECTIONS, perConnection / 1024.0);
      if (all.lookups().compareTo(SESSION_CACHE_TTL) > 0) {
        out.printf(
            "WARNING: the lookups took longer than the app's %d s session cache lifetime, so not"
                + " every session was still cached at the histogram: the growth is a lower bound."
                + " Re-measure on a quieter machine.%n",
            SESSION_CACHE_TTL.toSeconds());
      }
      out.println();
      out.println("Largest classes of the idle heap:");
      print(idle.largest(CLASSES_SHOWN));
      out.println("Largest growth with the sessions:");
      print(all.heap().grownSince(idle, CLASSES_SHOWN));
      out.println("Growth by the library whose classes grew (JDK classes such as byte arrays and");
      out.println("strings are held by all of them and listed apart):");
      print(byLibrary(all.heap().grownSince(idle, Integer.MAX_VALUE)));
    }
  }

  private static final int IDLE_CONNECTIONS = 1_000;

  /**
   * The live heap each of {@link #IDLE_CONNECTIONS} idle keep-alive connections holds, in bytes,
   * from the heap with them open against {@code idle}; they are closed before the logins start.
   * Jetty kept a header field cache of 96 KB per connection until the app turned it off: 107.3 KiB
   * a connection with it, 4.5 without.
   */
  private static long idleConnectionBytes(AppAgainstStub.Started app, HeapHistogram idle) {
    try (IdleConnections open = IdleConnections.open(app.baseUrl(), IDLE_CONNECTIONS, "none")) {
      return (app.process().liveHeap().totalBytes() - idle.totalBytes()) / open.size();
    }
  }

  /** The heap with {@code sessions} logged in and each looked up once just before. */
  private record Step(int sessions, Duration lookups, HeapHistogram heap, long rssKib) {}

  /** Logs in sessions up to {@code total}, looks every one up once, then takes the figures. */
  private static Step step(
      PageLogin page, AuthCenterStub stub, List<String> tokens, int total, ServerProcess process) {
    int from = tokens.size();
    tokens.addAll(
        Parallel.run(
            total - from,
            CONCURRENCY,
            i -> page.logIn(() -> stub.mintCode(from + i)).sessionToken()));
    long lookupStart = System.nanoTime();
    long answered =
        Parallel.run(total, CONCURRENCY, i -> page.me(tokens.get(i))).stream()
            .filter(status -> status == 200)
            .count();
    Duration lookups = Duration.ofNanos(System.nanoTime() - lookupStart);
    if (answered != total) {
      throw new IllegalStateException(
          (total - answered)
              + " of "
              + total
              + " sessions did not answer 200; see "
              + process.log());
    }
    return new Step(total, lookups, process.liveHeap(), process.rssKib());
  }

  /** Library packages whose growth is worth naming; everything else is "JDK and other". */
  private static final List<String> LIBRARIES =
      List.of(
          "org.h2.",
          "com.github.benmanes.caffeine.",
          "io.github.bucket4j.",
          "org.eclipse.jetty.",
          "io.javalin.",
          "com.fasterxml.jackson.",
          "dev.miandeng.");

  private static List<Map.Entry<String, Long>> byLibrary(List<Map.Entry<String, Long>> grown) {
    Map<String, Long> sums = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Long> entry : grown) {
      String owner =
          LIBRARIES.stream()
              .filter(entry.getKey()::startsWith)
              .findFirst()
              .map(prefix -> prefix + "*")
              .orElse("JDK and other classes");
      sums.merge(owner, entry.getValue(), Long::sum);
    }
    return sums.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .toList();
  }

  private void print(List<Map.Entry<String, Long>> classes) {
    classes.forEach(c -> out.printf("  %8.1f MiB  %s%n", mib(c.getValue()), c.getKey()));
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
