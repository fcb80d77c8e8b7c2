package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.AuthCenterStub.Call;
import dev.miandeng.benchmarks.PageLogin.Timings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Item 3 of issue 13: {@code LOGINS} (1,000) concurrent in-client logins (nonce, code, session
 * post, exactly as the page does them) on virtual threads against the packaged app in real-Feishu
 * mode, whose auth center is an in-process {@link AuthCenterStub} answering after a fixed latency
 * (100 ms). Three batches on one app: cold (fresh JVM, no app token yet: exactly one app-token
 * fetch is the goal in OIDC mode), warm, and a diagnostic one during which the app's threads are
 * dumped to see which pool, if any, holds logins back.
 *
 * <p>A login's server overhead is the time of its two requests to the app minus the stub's time on
 * its path: its code exchange and user_info calls (from the stub's entry to its last byte written)
 * and the part of any app-token fetch it waited through (between its session post and its exchange
 * reaching the stub).
 */
final class LoginLoad {

  private final BenchOptions options;
  private final Path work;
  private final PrintStream out;
  private int nextUser;

  LoginLoad(BenchOptions options, Path work, PrintStream out) {
    this.options = options;
    this.work = work;
    this.out = out;
  }

  /** One batch's figures; times in nanoseconds. */
  record Batch(
      String label,
      int logins,
      long wallNanos,
      long appTokenFetches,
      long[] postNanos,
      long[] overheadNanos,
      int maxStubInFlight,
      long listenOverflows,
      long appCpuMicros,
      int failures,
      String firstFailure,
      double loadAverage) {}

  void run() {
    Path dir = WorkDir.create(work.resolve("logins"));
    try (AuthCenterStub stub = AuthCenterStub.start(options.authLatency());
        AppAgainstStub.Started app = AppAgainstStub.start(options, stub, dir, options.exchange())) {
      out.printf(
          "  app ready in %d ms (production mode, H2 + Flyway, no simulator); auth center latency %d ms, exchange %s%n",
          app.process().startup().toMillis(), options.authLatency().toMillis(), options.exchange());
      out.printf(
          "  accept queue (listen backlog) of the app's port: %d; of the stub's: %d (net.core.somaxconn caps both)%n",
          ListenQueue.backlog(app.baseUrl().getPort()),
          ListenQueue.backlog(stub.baseUrl().getPort()));
      PageLogin page = new PageLogin(PageLogin.newClient(), app.baseUrl());
      List<Batch> batches = new ArrayList<>();
      batches.add(batch("cold: fresh JVM, no app token", stub, app.process(), page, null));
      batches.add(batch("warm: same JVM", stub, app.process(), page, null));
      Duration dumpAt = Duration.ofNanos(batches.getLast().wallNanos() / 3);
      ThreadDumpCensus[] census = new ThreadDumpCensus[1];
      batches.add(
          batch(
              "diagnostic: threads dumped at " + dumpAt.toMillis() + " ms",
              stub,
              app.process(),
              page,
              new Probe(dumpAt, () -> census[0] = ThreadDumpCensus.take(app.process(), dir))));
      report(batches);
      if (census[0] != null) {
        out.println();
        out.println("The app's threads " + dumpAt.toMillis() + " ms into the diagnostic batch:");
        census[0].print(out);
      }
      verdict(batches, census[0], ListenQueue.backlog(app.baseUrl().getPort()));
    }
  }

  /** Something to do {@code after} the batch began, on its own thread. */
  private record Probe(Duration after, Runnable action) {}

  private Batch batch(
      String label, AuthCenterStub stub, ServerProcess app, PageLogin page, Probe probe) {
    int n = options.logins();
    int firstUser = nextUser;
    nextUser += n;
    int callsBefore = stub.calls().size();
    long overflowsBefore = ProcFs.listenOverflows();
    long cpuBefore = app.cpuMicros();
    double loadAverage = ProcFs.loadAverage();
    stub.resetMaxInFlight();
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Timings>> logins = new ArrayList<>(n);
    long started;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int user = firstUser + i;
        logins.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return page.logIn(() -> stub.mintCode(user));
                }));
      }
      await(ready);
      started = System.nanoTime();
      go.countDown();
      if (probe != null) {
        threads.submit(
            () -> {
              ServerProcess.sleep(probe.after());
              probe.action().run();
            });
      }
    }
    List<Timings> done = new ArrayList<>();
    int failures = 0;
    String firstFailure = null;
    for (Future<Timings> login : logins) {
      try {
        done.add(login.get());
      } catch (ExecutionException e) {
        failures++;
        firstFailure = firstFailure == null ? causes(e.getCause()) : firstFailure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    List<Call> calls = stub.calls();
    calls = calls.subList(callsBefore, calls.size());
    StubPath path = new StubPath(calls);
    long last = done.stream().mapToLong(Timings::postEnd).max().orElse(started);
    return new Batch(
        label,
        n,
        last - started,
        calls.stream().filter(c -> c.endpoint().equals("app_access_token")).count(),
        done.stream().mapToLong(t -> t.postEnd() - t.postStart()).toArray(),
        done.stream().mapToLong(t -> t.appNanos() - path.stubNanos(t)).toArray(),
        stub.maxInFlight(),
        ProcFs.listenOverflows() - overflowsBefore,
        app.cpuMicros() - cpuBefore,
        failures,
        firstFailure,
        loadAverage);
  }

  private void report(List<Batch> batches) {
    out.println();
    out.printf(
        "%d concurrent in-client logins per batch, auth center %d ms per call, FEISHU_EXCHANGE=%s%n",
        options.logins(), options.authLatency().toMillis(), options.exchange());
    out.println();
    out.println(
        "| batch | wall ms | app-token fetches | session post p50 / p99 ms | server overhead p50 / p99 ms | app CPU ms per login | max calls at the stub | listen-queue overflows | failed | load avg before |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Batch b : batches) {
      out.printf(
          "| %s | %.0f | %d | %.1f / %.1f | %.1f / %.1f | %.2f | %d | %d | %d | %.2f |%n",
          b.label(),
          b.wallNanos() / 1e6,
          b.appTokenFetches(),
          Stats.percentile(b.postNanos(), 50) / 1e6,
          Stats.percentile(b.postNanos(), 99) / 1e6,
          Stats.percentile(b.overheadNanos(), 50) / 1e6,
          Stats.percentile(b.overheadNanos(), 99) / 1e6,
          b.appCpuMicros() / 1000.0 / b.logins(),
          b.maxStubInFlight(),
          b.listenOverflows(),
          b.failures(),
          b.loadAverage());
    }
    batches.stream()
        .filter(b -> b.firstFailure() != null)
        .forEach(b -> out.println("  first failure in '" + b.label() + "': " + b.firstFailure()));
    out.println(
        "Goals (issue 13): wall < 1500 ms, exactly 1 app-token fetch in the cold OIDC batch, server overhead p99 < 5 ms.");
  }

  /** Says, from the evidence gathered, which limit the logins met first. */
  private void verdict(List<Batch> batches, ThreadDumpCensus census, int backlog) {
    long overflows = batches.stream().mapToLong(Batch::listenOverflows).sum();
    int hikariQueued =
        census == null ? 0 : census.counts().getOrDefault(ThreadDumpCensus.HIKARI, 0);
    out.println();
    out.println("Limits met, in the order a login meets them:");
    out.printf(
        "  accept queue: %s%n",
        overflows > 0
            ? overflows
                + " connection attempts dropped machine-wide (the app's backlog is "
                + backlog
                + "); each costs a login about 1 s. This binds first: raise WebServer.ACCEPT_QUEUE_SIZE"
                + " (and net.core.somaxconn)."
            : "no overflow (backlog " + backlog + ")");
    out.println("  request threads: the app serves on virtual threads, no pool to exhaust");
    int ready = census == null ? 0 : census.counts().getOrDefault(ThreadDumpCensus.READY, 0);
    out.printf(
        "  CPU: %d virtual threads woken and queued for one of %d carriers at the dump%s%n",
        ready,
        Runtime.getRuntime().availableProcessors(),
        ready > options.logins() / 10
            ? ": the CPUs bind (app CPU per login x logins / CPUs is a floor on the wall)"
            : "");
    out.printf(
        "  auth-center calls: at most %d in flight at the stub for %d logins%n",
        batches.stream().mapToInt(Batch::maxStubInFlight).max().orElse(0), options.logins());
    out.printf(
        "  HikariCP: %s%n",
        hikariQueued > 0
            ? hikariQueued + " requests queued for a connection: raise MIANDENG_DB_POOL_SIZE"
            : "nobody queued for a connection at the dump");
  }

  /** The stub's time on one login's path. */
  private static final class StubPath {
    private final Map<String, List<Call>> byCode = new HashMap<>();
    private final List<Call> tokenFetches = new ArrayList<>();

    StubPath(List<Call> calls) {
      for (Call call : calls) {
        if (call.endpoint().equals("app_access_token")) {
          tokenFetches.add(call);
        } else if (call.code() != null) {
          byCode.computeIfAbsent(call.code(), c -> new ArrayList<>()).add(call);
        }
      }
    }

    long stubNanos(Timings login) {
      List<Call> own = byCode.getOrDefault(login.code(), List.of());
      long total = own.stream().mapToLong(Call::nanos).sum();
      long exchangeArrived = own.stream().mapToLong(Call::startNanos).min().orElse(login.postEnd());
      for (Call fetch : tokenFetches) {
        long from = Math.max(login.postStart(), fetch.startNanos());
        long to = Math.min(exchangeArrived, fetch.endNanos());
        total += Math.max(0, to - from);
      }
      return total;
    }
  }

  /** "message: cause's message: …", so a failure says what failed and why. */
  private static String causes(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure));
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      text.append(" <- ").append(cause);
    }
    return text.toString();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
