package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one command behind {@code bin/bench}: {@code side-by-side} (item 1 of issue 13), {@code
 * logins} (item 3), {@code memory} (the measurement half of item 4), or {@code all} (default), in
 * that order. Options come from the environment ({@link BenchOptions}); everything runs on loopback
 * and every process it started is stopped at the end.
 */
public final class Bench {

  private static final List<String> PARTS = List.of("all", "side-by-side", "logins", "memory");

  private Bench() {}

  public static void main(String[] args) throws IOException {
    String part = args.length == 0 ? "all" : args[0];
    if (!PARTS.contains(part) || args.length > 1) {
      System.err.println("usage: bin/bench [" + String.join("|", PARTS) + "]");
      System.exit(2);
    }
    BenchOptions options = BenchOptions.from(System.getenv());
    PrintStream out = System.out;
    // Whatever happens, no server this run started outlives it.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .unstarted(
                    () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
    Path work = Files.createTempDirectory("miandeng-bench-");
    out.printf(
        "miandeng benchmark, %s, %d CPUs, %s %s; work dir %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        work);
    if (List.of("all", "side-by-side").contains(part)) {
      out.println();
      out.println("== Side by side: GET /api/me, bare Javalin vs the packaged app ==");
      SideBySide run = new SideBySide(options, work, out);
      run.report(run.run());
    }
    if (List.of("all", "logins").contains(part)) {
      out.println();
      out.println("== Login load: concurrent in-client logins against a stub auth center ==");
      new LoginLoad(options, work, out).run();
    }
    if (List.of("all", "memory").contains(part) && options.memorySessions() > 0) {
      out.println();
      out.println("== Start-up and memory of the production jar ==");
      new MemoryFootprint(options, work, out).run();
    }
    deleteQuietly(work);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
