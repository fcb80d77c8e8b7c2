package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.AuthCenterStub.Call;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The floor under the login run's unloaded overhead: what a login's two calls to the auth center
 * cost on this machine with nothing of the app around them. A fresh JVM with the app's flags runs
 * {@link BareServer} against the same {@link AuthCenterStub}; each bare login makes the code
 * exchange and the user_info call with the JDK HttpClient set up as the app's, and its floor is the
 * two calls' time minus the stub's time for them (from each request's arrival to its answer), as
 * the app's overhead subtracts it.
 *
 * <p>Why it is printed: after 100 ms of waiting, both CPUs of this VM are idle, and each thread
 * that a call's answer wakes (the client's selector, then a virtual thread's carrier) waits for its
 * CPU to come out of its halt. The app's overhead includes two such calls; this says how much of it
 * the machine costs before the app does anything.
 */
final class BareLoginFloor {

  /** Bare logins before the measured ones: enough for the JIT to compile the two calls. */
  private static final int WARMUP_LOGINS = 2_000;

  private static final int WARMUP_CONCURRENCY = 64;

  private final BenchOptions options;
  private final PrintStream out;

  BareLoginFloor(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** The floor's figures, times in nanoseconds per login. */
  record Floor(long[] overheadNanos) {
    String summary() {
      return String.format(
          "p50 / p99 %.1f / %.1f ms, mean %.2f ms",
          Stats.percentile(overheadNanos, 50) / 1e6,
          Stats.percentile(overheadNanos, 99) / 1e6,
          Arrays.stream(overheadNanos).average().orElse(0) / 1e6);
    }
  }

  /**
   * Runs {@code logins} measured bare logins {@code concurrency} at a time, after a warm-up.
   *
   * @throws IllegalStateException when a bare login fails (its cause attached)
   */
  Floor measure(AuthCenterStub stub, Path dir, int logins, int concurrency) {
    int port = FreePorts.next();
    URI base = URI.create("http://127.0.0.1:" + port);
    try (ServerProcess bare =
            BareServer.launch(options, port, stub.baseUrl(), dir.resolve("bare-login.log"));
        HttpClient client = PageLogin.newClient()) {
      run(client, base, stub, WARMUP_LOGINS, WARMUP_CONCURRENCY);
      // The warm-up's bursts of connections close, as before the app's unloaded batch.
      stub.closeConnections();
      ServerProcess.sleep(Duration.ofSeconds(2));
      long compilersBefore = ProcFs.jitCompilerCpuMicros(bare.pid());
      long started = System.nanoTime();
      long[] floor = run(client, base, stub, logins, concurrency);
      double jitShare =
          (ProcFs.jitCompilerCpuMicros(bare.pid()) - compilersBefore)
              / ((System.nanoTime() - started) / 1e3);
      out.printf(
          "  floor: %d bare logins %d at a time after %d warm-up ones; the bare JVM's JIT compilers %.1f %% of a CPU meanwhile%n",
          logins, concurrency, WARMUP_LOGINS, jitShare * 100);
      return new Floor(floor);
    }
  }

  /** {@code n} bare logins, {@code concurrency} at a time; each one's floor. */
  private long[] run(HttpClient client, URI base, AuthCenterStub stub, int n, int concurrency) {
    int callsBefore = stub.calls().size();
    String[] codes = new String[n];
    long[] callsNanos = new long[n];
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workersDone = new ArrayList<>();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < concurrency; w++) {
        workersDone.add(
            workers.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    codes[i] = stub.mintCode(i);
                    callsNanos[i] = logIn(client, base, codes[i]);
                  }
                  return null;
                }));
      }
    }
    // A failed bare login has no time: the floor is not measured rather than measured wrong.
    for (Future<?> worker : workersDone) {
      try {
        worker.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a bare login failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    List<Call> calls = stub.calls();
    Map<String, Long> stubNanos =
        calls.subList(callsBefore, calls.size()).stream()
            .filter(call -> call.code() != null)
            .collect(Collectors.groupingBy(Call::code, Collectors.summingLong(Call::nanos)));
    long[] floor = new long[n];
    for (int i = 0; i < n; i++) {
      floor[i] = callsNanos[i] - stubNanos.getOrDefault(codes[i], 0L);
    }
    return floor;
  }

  private static long logIn(HttpClient client, URI base, String code) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(BareServer.LOGIN_PATH))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("code", code))))
            .build();
    try {
      HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(
            "bare login answered " + answer.statusCode() + ": " + answer.body());
      }
      return Long.parseLong(Json.field(answer.body(), "callsNanos"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
