package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * Runs wrk (the Debian package {@code wrk}) with {@code random-session.lua}: GET of one URL, each
 * request with a random session cookie from a token file, and reads back the script's one-line
 * summary.
 *
 * @param threads wrk threads ({@code -t})
 * @param connections open connections ({@code -c})
 */
record Wrk(int threads, int connections, Path script) {

  Wrk {
    Objects.requireNonNull(script, "script");
  }

  /** Copies the Lua script into {@code workDir}. */
  static Wrk prepare(int threads, int connections, Path workDir) {
    Path script = workDir.resolve("random-session.lua");
    try (InputStream lua = Wrk.class.getResourceAsStream("random-session.lua")) {
      Files.copy(
          Objects.requireNonNull(lua, "random-session.lua"),
          script,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Wrk(threads, connections, script);
  }

  /** wrk's words for a duration: {@code 3s}, {@code 30s}, {@code 2m}. */
  static String checkDuration(String duration) {
    if (!duration.matches("\\d+[smh]")) {
      throw new IllegalArgumentException(
          "a wrk duration looks like 3s, 30s or 2m, not " + duration);
    }
    return duration;
  }

  /** One run of {@code duration} against {@code url}; fails when wrk fails or prints no summary. */
  WrkResult run(URI url, Path tokens, String duration) {
    List<String> command =
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + checkDuration(duration),
            "--timeout",
            "5s",
            "-s",
            script.toString(),
            url.toString(),
            "--",
            tokens.toString());
    try {
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(wrk.getInputStream().readAllBytes());
      int exit = wrk.waitFor();
      return out.lines()
          .filter(line -> line.startsWith("WRK_RESULT "))
          .findFirst()
          .filter(line -> exit == 0)
          .map(WrkResult::parse)
          .orElseThrow(() -> new IllegalStateException("wrk failed (" + exit + "):\n" + out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run wrk (Debian: apt-get install -y wrk)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
  }

  /**
   * What wrk measured.
   *
   * @param requests completed requests
   * @param durationMicros the run's length
   * @param socketErrors connect + read + write + timeout errors
   * @param non2xx answers with a status other than 2xx or 3xx
   * @param p50Micros median latency
   * @param p99Micros 99th-percentile latency
   */
  record WrkResult(
      long requests,
      long durationMicros,
      long socketErrors,
      long non2xx,
      long p50Micros,
      long p99Micros) {

    static WrkResult parse(String line) {
      String[] f = line.trim().split(" ");
      long[] n = new long[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        n[i - 1] = Long.parseLong(f[i]);
      }
      return new WrkResult(n[0], n[1], n[2] + n[3] + n[4] + n[6], n[5], n[7], n[8]);
    }

    double requestsPerSecond() {
      return requests * 1_000_000.0 / durationMicros;
    }
  }
}
