package dev.miandeng.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The measurement half of item 4 of issue 13: the production jar (real-Feishu mode against the
 * {@link AuthCenterStub} with no latency, H2 with Flyway, no simulator in process) — its start-up
 * to ready, then its live heap after a full GC and its RSS when idle and again with {@code
 * MEMORY_SESSIONS} (10,000) sessions of as many users logged in and each looked up once, so each
 * sits in the session and user caches. It prints what the idle heap holds and what grew.
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
      PageLogin page = new PageLogin(PageLogin.newClient(), app.baseUrl());
      List<String> tokens =
          Parallel.run(n, CONCURRENCY, i -> page.logIn(() -> stub.mintCode(i)).sessionToken());
      long lookupStart = System.nanoTime();
      long answered =
          Parallel.run(n, CONCURRENCY, i -> page.me(tokens.get(i))).stream()
              .filter(status -> status == 200)
              .count();
      Duration lookups = Duration.ofNanos(System.nanoTime() - lookupStart);
      if (answered != n) {
        throw new IllegalStateException(
            (n - answered) + " of " + n + " sessions did not answer 200; see " + process.log());
      }
      HeapHistogram loaded = process.liveHeap();
      long loadedRss = process.rssKib();

      out.println();
      out.printf(
          "Production jar (H2 + Flyway, no simulator, JVM %s): start-up to ready %d ms%n",
          String.join(" ", options.jvmFlags()), process.startup().toMillis());
      out.println();
      out.println("| | live heap after full GC MiB | RSS MiB |");
      out.println("|---|---|---|");
      out.printf("| idle | %.1f | %d |%n", mib(idle.totalBytes()), idleRss / 1024);
      out.printf(
          "| %,d cached sessions (each looked up once, in %d ms) | %.1f | %d |%n",
          n, lookups.toMillis(), mib(loaded.totalBytes()), loadedRss / 1024);
      long growth = loaded.totalBytes() - idle.totalBytes();
      out.printf(
          "| growth | **%.1f** (%.2f KiB a session) | %d |%n",
          mib(growth), n == 0 ? 0.0 : growth / 1024.0 / n, (loadedRss - idleRss) / 1024);
      out.println("Goal (issue 13): growth ≤ 20 MB for 10k sessions (≤ 2 KB a session).");
      if (lookups.compareTo(SESSION_CACHE_TTL) > 0) {
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
      print(loaded.grownSince(idle, CLASSES_SHOWN));
    }
  }

  private void print(List<Map.Entry<String, Long>> classes) {
    classes.forEach(c -> out.printf("  %8.1f MiB  %s%n", mib(c.getValue()), c.getKey()));
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }
}
