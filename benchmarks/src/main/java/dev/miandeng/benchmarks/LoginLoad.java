package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.AuthCenterStub.Call;
import dev.miandeng.benchmarks.PageLogin.Timings;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Item 3 of issue 13: {@code LOGINS} (1,000) concurrent in-client logins (nonce, code, session
 * post, exactly as the page does them) on virtual threads against the packaged app in real-Feishu
 * mode, whose auth center is an in-process {@link AuthCenterStub} answering after a fixed latency
 * (100 ms). On one app, in this order:
 *
 * <ol>
 *   <li><b>cold</b>: a fresh JVM with no app token yet (exactly one app-token fetch is the goal in
 *       OIDC mode) and nothing compiled;
 *   <li>{@code LOGIN_WARMUP} unmeasured logins, {@code LOGINS} at a time, each batch's wall and CPU
 *       printed, so the JIT's settling is visible rather than hidden;
 *   <li><b>warm</b>: the figure the goal is about, a server that has been up a while;
 *   <li><b>diagnostic</b>: as warm, with the app's threads dumped to see which pool, if any, holds
 *       logins back;
 *   <li>the bursts' keep-alive connections closed, the app let go quiet, and unmeasured rounds of
 *       logins {@value #UNLOADED_CONCURRENCY} at a time until the JIT has settled ({@link
 *       #settleJit});
 *   <li><b>unloaded</b>: {@code OVERHEAD_LOGINS} logins {@value #UNLOADED_CONCURRENCY} at a time,
 *       so a login's server overhead is measured without the queueing for a CPU that a thousand
 *       simultaneous logins on two cores cannot avoid;
 *   <li><b>settled</b>: the warm batch's burst again, on a server whose JIT has settled ({@link
 *       #settledBurst});
 *   <li>the floor under the unloaded overhead, from a bare JVM ({@link BareLoginFloor}).
 * </ol>
 *
 * <p>A login's server overhead is the app's time for its two requests, from its access log ({@link
 * AccessLogTimes}: first byte parsed to last byte written), minus the stub's time on its path: its
 * code exchange and user_info calls (from the request's arrival at the stub to its answer's first
 * write) and the part of any app-token fetch it waited through (between its session post and its
 * exchange reaching the stub). The same difference taken with the client's clock is printed beside
 * it: it adds the client's HTTP stack, the loopback and the client JVM's own pauses. The app's own
 * time is its time less its waits on Feishu ({@code upstream=} in the same log): the overhead less
 * the calls' round trips beyond the stub's time.
 */
final class LoginLoad {

  /** Logins in flight at once in the unloaded batch: far below what queues for two CPUs. */
  static final int UNLOADED_CONCURRENCY = 4;

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
      long[] ownNanos,
      long[] clientOverheadNanos,
      int maxStubInFlight,
      long listenOverflows,
      long appCpuMicros,
      long jitCpuMicros,
      int failures,
      String firstFailure,
      double loadAverage) {

    /** The share of one CPU the app's JIT compiler threads used over the batch. */
    double jitShare() {
      return jitCpuMicros / (wallNanos / 1e3);
    }
  }

  void run() {
    Path dir = WorkDir.create(work.resolve("logins"));
    // Metrics on, on a management port of their own, as deployed: their timers cost what they
    // cost in production.
    int management = FreePorts.next();
    try (AuthCenterStub stub = AuthCenterStub.start(options.authLatency());
        AppAgainstStub.Started app =
            AppAgainstStub.start(
                options,
                stub,
                dir,
                options.exchange(),
                List.of(),
                Map.of(
                    "MIANDENG_MANAGEMENT_PORT",
                    Integer.toString(management),
                    // The app's time per request and its waits on Feishu (AccessLogTimes).
                    "MIANDENG_ACCESS_LOG",
                    "true"))) {
      out.printf(
          "  app ready in %d ms (production mode, H2 + Flyway, no simulator); auth center latency %d ms, exchange %s%n",
          app.process().startup().toMillis(), options.authLatency().toMillis(), options.exchange());
      out.printf(
          "  accept queue (listen backlog) of the app's port: %d; of the stub's: %d (net.core.somaxconn caps both)%n",
          ListenQueue.backlog(app.baseUrl().getPort()),
          ListenQueue.backlog(stub.baseUrl().getPort()));
      HttpClient loadedClient = PageLogin.newClient();
      PageLogin page = new PageLogin(loadedClient, app.baseUrl());
      List<Batch> batches = new ArrayList<>();
      int all = options.logins();
      batches.add(
          batch("cold: fresh JVM, no app token", all, all, stub, app.process(), page, null));
      warmUp(stub, app.process(), page);
      batches.add(
          batch(
              "warm: after " + options.loginWarmup() + " warm-up logins",
              all,
              all,
              stub,
              app.process(),
              page,
              null));
      Duration dumpAt = Duration.ofNanos(batches.getLast().wallNanos() / 3);
      ThreadDumpCensus[] census = new ThreadDumpCensus[1];
      batches.add(
          batch(
              "diagnostic: threads dumped at " + dumpAt.toMillis() + " ms",
              all,
              all,
              stub,
              app.process(),
              page,
              new Probe(dumpAt, () -> census[0] = ThreadDumpCensus.take(app.process(), dir))));
      // The bursts are over: their thousand keep-alive connections to the app close now.
      loadedClient.close();
      String split = null;
      BareLoginFloor.Floor floor = null;
      if (options.overheadLogins() > 0) {
        split = unloaded(stub, app, batches);
        settledBurst(stub, app, batches);
        floor = floor(stub, dir);
      }
      report(batches);
      if (split != null) {
        out.println(split);
      }
      if (floor != null) {
        out.printf(
            "Floor: a bare JVM (the app's flags, Javalin, the JDK HttpClient set up as the app's) making only a login's two calls to the same stub, %d at a time: beyond the stub's handler %s. The app's unloaded overhead includes it.%n",
            UNLOADED_CONCURRENCY, floor.summary());
      }
      if (census[0] != null) {
        out.println();
        out.println("The app's threads " + dumpAt.toMillis() + " ms into the diagnostic batch:");
        census[0].print(out);
      }
      verdict(batches, census[0], ListenQueue.backlog(app.baseUrl().getPort()));
    }
  }

  /** The floor under the unloaded overhead, or null (said why) when a bare login failed. */
  private BareLoginFloor.Floor floor(AuthCenterStub stub, Path dir) {
    try {
      return new BareLoginFloor(options, out)
          .measure(stub, dir, options.overheadLogins(), UNLOADED_CONCURRENCY);
    } catch (IllegalStateException e) {
      out.println("  floor: not measured: " + causes(e));
      return null;
    }
  }

  /** At most this share of one CPU over a second is "quiet" for the app. */
  private static final double QUIET_CPU_SHARE = 0.05;

  private static final Duration QUIET_WAIT_MAX = Duration.ofSeconds(60);

  /**
   * Waits until the app has spent less than {@value #QUIET_CPU_SHARE} of a CPU over a second, at
   * most {@link #QUIET_WAIT_MAX}: after a thousand logins at once the JVM goes on for seconds with
   * concurrent GC cycles, compilation and cache maintenance, and an "unloaded" batch started
   * meanwhile would measure that burst's aftermath.
   */
  private void quiet(ServerProcess app) {
    long start = System.nanoTime();
    long cpu = app.cpuMicros();
    while (System.nanoTime() - start < QUIET_WAIT_MAX.toNanos()) {
      ServerProcess.sleep(Duration.ofSeconds(1));
      long now = app.cpuMicros();
      if (now - cpu < QUIET_CPU_SHARE * 1_000_000) {
        out.printf(
            "  the app was quiet (under %.0f %% of a CPU) %.1f s after the bursts' connections closed%n",
            QUIET_CPU_SHARE * 100, (System.nanoTime() - start) / 1e9);
        return;
      }
      cpu = now;
    }
    out.printf(
        "  the app was still busy %d s after the bursts' connections closed; the unloaded part starts anyway%n",
        QUIET_WAIT_MAX.toSeconds());
  }

  /**
   * Adds the unloaded batch to {@code batches} and returns the split of its mean overhead. It
   * measures a server that has been up a while, not the bursts' aftermath: the app's hundreds of
   * keep-alive connections to the stub are closed first rather than timing out in the middle of it
   * (the client's are closed by then), the app is let go quiet, and the JIT compiles what it left
   * queued behind the bursts ({@link #settleJit}). A fresh client opens its own connections.
   */
  private String unloaded(
      AuthCenterStub stub, AppAgainstStub.Started started, List<Batch> batches) {
    ServerProcess app = started.process();
    stub.closeConnections();
    quiet(app);
    try (HttpClient client = PageLogin.newClient()) {
      PageLogin page = new PageLogin(client, started.baseUrl());
      settleJit(stub, app, page);
      int callsBefore = stub.calls().size();
      Batch unloaded =
          batch(
              "unloaded: " + UNLOADED_CONCURRENCY + " at a time",
              options.overheadLogins(),
              UNLOADED_CONCURRENCY,
              stub,
              app,
              page,
              null);
      batches.add(unloaded);
      return overheadSplit(unloaded, stub.calls().size() - callsBefore);
    }
  }

  /**
   * The warm batch again, on a server whose JIT has settled (the settling rounds and the unloaded
   * batch ran since): after 8,000 logins in bursts the compilers still took a third of the CPU
   * samples of the warm batch (async-profiler), so the warm batch measures a server still being
   * compiled. This one opens new connections to the app and the app to the stub, which the warm
   * batch found open.
   */
  private void settledBurst(AuthCenterStub stub, AppAgainstStub.Started app, List<Batch> batches) {
    try (HttpClient client = PageLogin.newClient()) {
      batches.add(
          batch(
              "settled: the same burst after the JIT settled",
              options.logins(),
              options.logins(),
              stub,
              app.process(),
              new PageLogin(client, app.baseUrl()),
              null));
    }
  }

  /** Logins per round of the JIT's settling, at the unloaded batch's concurrency. */
  private static final int SETTLING_ROUND_LOGINS = 200;

  /** The JIT has settled after this many rounds in a row with its compilers under the share. */
  private static final int SETTLED_ROUNDS = 3;

  /** At most this share of one CPU for the JIT compiler threads over a round is "settled". */
  private static final double SETTLED_JIT_SHARE = 0.02;

  private static final int SETTLING_ROUNDS_MAX = 30;

  /**
   * Runs unmeasured rounds of {@value #SETTLING_ROUND_LOGINS} logins at the unloaded batch's
   * concurrency, one line each, until the app's JIT compiler threads spent under {@value
   * #SETTLED_JIT_SHARE} of a CPU in {@value #SETTLED_ROUNDS} rounds in a row (at most {@value
   * #SETTLING_ROUNDS_MAX} rounds). Under the bursts the compilers starve and the tiered policy
   * raises its thresholds with their queue, so after 11,000 logins the login path was still being
   * compiled: the first rounds spent 22-34 % of a CPU in the C2 compiler and 15-22 ms of app CPU
   * per login, against 0.5-0.8 % and 2.4-2.6 ms ten rounds later. One round under the share is not
   * enough: compilation came back for two more rounds after the first one below 3 %.
   */
  private void settleJit(AuthCenterStub stub, ServerProcess app, PageLogin page) {
    int calm = 0;
    for (int round = 1; round <= SETTLING_ROUNDS_MAX && calm < SETTLED_ROUNDS; round++) {
      Batch b =
          batch("JIT settling", SETTLING_ROUND_LOGINS, UNLOADED_CONCURRENCY, stub, app, page, null);
      double share = b.jitShare();
      calm = share < SETTLED_JIT_SHARE ? calm + 1 : 0;
      out.printf(
          "  JIT settling, round %d: %d logins %d at a time, %.2f ms of app CPU per login, the JIT compilers %.1f %% of a CPU, %d failed%n",
          round,
          SETTLING_ROUND_LOGINS,
          UNLOADED_CONCURRENCY,
          b.appCpuMicros() / 1000.0 / SETTLING_ROUND_LOGINS,
          share * 100,
          b.failures());
    }
    if (calm < SETTLED_ROUNDS) {
      out.printf(
          "  the JIT compilers were still busy after %d rounds; the unloaded batch starts anyway%n",
          SETTLING_ROUNDS_MAX);
    }
  }

  /** Something to do {@code after} the batch began, on its own thread. */
  private record Probe(Duration after, Runnable action) {}

  /** The unmeasured logins between the cold and the warm batch, one progress line per batch. */
  private void warmUp(AuthCenterStub stub, ServerProcess app, PageLogin page) {
    int left = options.loginWarmup();
    while (left > 0) {
      int n = Math.min(left, options.logins());
      Batch b = batch("warm-up", n, n, stub, app, page, null);
      left -= n;
      out.printf(
          "  warm-up: %d logins in %.0f ms, %.2f ms of app CPU per login, %d failed (%d to go)%n",
          n, b.wallNanos() / 1e6, b.appCpuMicros() / 1000.0 / n, b.failures(), left);
      if (b.firstFailure() != null) {
        out.println("    the first failure: " + b.firstFailure());
      }
    }
  }

  /**
   * {@code n} logins of new users, at most {@code concurrency} in flight (all {@code n} are
   * released together when the two are equal).
   */
  private Batch batch(
      String label,
      int n,
      int concurrency,
      AuthCenterStub stub,
      ServerProcess app,
      PageLogin page,
      Probe probe) {
    int firstUser = nextUser;
    nextUser += n;
    int callsBefore = stub.calls().size();
    long overflowsBefore = ProcFs.listenOverflows();
    long cpuBefore = app.cpuMicros();
    long jitBefore = ProcFs.jitCompilerCpuMicros(app.pid());
    double loadAverage = ProcFs.loadAverage();
    stub.resetMaxInFlight();
    // As many threads as logins in flight, each taking the next login when its last is done: a
    // thread per login parked behind a semaphore woke all together at the start, and the bench
    // JVM's burst of a thousand wake-ups delayed the first unloaded logins by several ms.
    int workers = Math.min(n, concurrency);
    AtomicInteger next = new AtomicInteger();
    Timings[] timings = new Timings[n];
    RuntimeException[] failed = new RuntimeException[n];
    CountDownLatch ready = new CountDownLatch(workers);
    CountDownLatch go = new CountDownLatch(1);
    long started;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < workers; w++) {
        threads.submit(
            () -> {
              ready.countDown();
              go.await();
              for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                int user = firstUser + i;
                try {
                  timings[i] = page.logIn(() -> stub.mintCode(user));
                } catch (RuntimeException e) {
                  failed[i] = e;
                }
              }
              return null;
            });
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
    List<Timings> done = Arrays.stream(timings).filter(Objects::nonNull).toList();
    List<RuntimeException> failures = Arrays.stream(failed).filter(Objects::nonNull).toList();
    List<Call> calls = stub.calls();
    calls = calls.subList(callsBefore, calls.size());
    StubPath path = new StubPath(calls);
    long last = done.stream().mapToLong(Timings::postEnd).max().orElse(started);
    AccessLogTimes server = accessLog(app, done);
    return new Batch(
        label,
        n,
        last - started,
        calls.stream().filter(c -> c.endpoint().equals("app_access_token")).count(),
        done.stream().mapToLong(t -> t.postEnd() - t.postStart()).toArray(),
        done.stream().mapToLong(t -> server.nanos(t) - path.stubNanos(t)).toArray(),
        done.stream().mapToLong(server::ownNanos).toArray(),
        done.stream().mapToLong(t -> t.appNanos() - path.stubNanos(t)).toArray(),
        stub.maxInFlight(),
        ProcFs.listenOverflows() - overflowsBefore,
        app.cpuMicros() - cpuBefore,
        ProcFs.jitCompilerCpuMicros(app.pid()) - jitBefore,
        failures.size(),
        failures.isEmpty() ? null : causes(failures.getFirst()),
        loadAverage);
  }

  /**
   * The app's access log once it has a line for every request of {@code done}: Jetty writes a line
   * after the answer's last byte, so the client may have it a moment before the line exists.
   */
  private static AccessLogTimes accessLog(ServerProcess app, List<Timings> done) {
    for (int attempt = 0; ; attempt++) {
      AccessLogTimes times = AccessLogTimes.read(app.log());
      if (done.stream().allMatch(t -> times.nanos(t) >= 0)) {
        return times;
      }
      if (attempt == 50) {
        throw new IllegalStateException(
            "the app's access log lacks requests of this batch; see " + app.log());
      }
      ServerProcess.sleep(Duration.ofMillis(100));
    }
  }

  private void report(List<Batch> batches) {
    out.println();
    boolean unloaded = options.overheadLogins() > 0;
    out.printf(
        "%d concurrent in-client logins per batch%s, auth center %d ms per call, FEISHU_EXCHANGE=%s%n",
        options.logins(),
        unloaded
            ? " (the unloaded one: "
                + options.overheadLogins()
                + ", "
                + UNLOADED_CONCURRENCY
                + " at a time)"
            : "",
        options.authLatency().toMillis(),
        options.exchange());
    out.println();
    out.println(
        "| batch | wall ms | app-token fetches | session post p50 / p99 ms | server overhead p50 / p99 ms | the same at the client p50 / p99 ms | the app's own time p50 / p99 ms | app CPU ms per login | JIT compilers % of a CPU | max calls at the stub | listen-queue overflows | failed | load avg before |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Batch b : batches) {
      out.printf(
          "| %s | %.0f | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f | %.1f | %d | %d | %d | %.2f |%n",
          b.label(),
          b.wallNanos() / 1e6,
          b.appTokenFetches(),
          Stats.percentile(b.postNanos(), 50) / 1e6,
          Stats.percentile(b.postNanos(), 99) / 1e6,
          Stats.percentile(b.overheadNanos(), 50) / 1e6,
          Stats.percentile(b.overheadNanos(), 99) / 1e6,
          Stats.percentile(b.clientOverheadNanos(), 50) / 1e6,
          Stats.percentile(b.clientOverheadNanos(), 99) / 1e6,
          Stats.percentile(b.ownNanos(), 50) / 1e6,
          Stats.percentile(b.ownNanos(), 99) / 1e6,
          b.appCpuMicros() / 1000.0 / b.logins(),
          b.jitShare() * 100,
          b.maxStubInFlight(),
          b.listenOverflows(),
          b.failures(),
          b.loadAverage());
    }
    batches.stream()
        .filter(b -> b.firstFailure() != null)
        .forEach(b -> out.println("  first failure in '" + b.label() + "': " + b.firstFailure()));
    out.println(
        "Goals (issue 13): wall < 1500 ms (warm), exactly 1 app-token fetch in the cold OIDC batch, server overhead p99 < 5 ms (unloaded: in the loaded batches it is mostly the wait for a CPU). The overhead is the app's own time (its time less its waits on Feishu) plus its calls' round trips beyond the stub's time"
            + (unloaded
                ? "; the floor below is what those round trips cost a bare JVM."
                : "; OVERHEAD_LOGINS=0 skipped the unloaded batch and the floor."));
  }

  /**
   * Splits the unloaded batch's mean overhead per login into the app's own time (its two requests
   * less its waits on Feishu, both from its access log) and the rest: its calls' round trips beyond
   * the stub's time (the app's HTTP client, the loopback, the stub's dispatcher), {@code calls} of
   * them in the batch.
   */
  private static String overheadSplit(Batch unloaded, int calls) {
    double overheadMillis = mean(unloaded.overheadNanos()) / 1e6;
    double ownMillis = mean(unloaded.ownNanos()) / 1e6;
    double callsPerLogin = (double) calls / unloaded.logins();
    return String.format(
        "Unloaded, on average: a login's overhead %.2f ms is the app's own time on its two requests,"
            + " %.2f ms, and %.2f ms of its %.1f calls to the stub beyond the stub's time (%.2f ms a"
            + " call: the app's HTTP client, the loopback, the stub's dispatcher).",
        overheadMillis,
        ownMillis,
        overheadMillis - ownMillis,
        callsPerLogin,
        (overheadMillis - ownMillis) / callsPerLogin);
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(Double.NaN);
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
    out.printf("  locks: %s%n", locks(census));
    out.printf(
        "  auth-center calls: at most %d in flight at the stub for %d logins%n",
        batches.stream().mapToInt(Batch::maxStubInFlight).max().orElse(0), options.logins());
    out.printf(
        "  HikariCP: %s%n",
        hikariQueued > 0
            ? hikariQueued + " requests queued for a connection: raise MIANDENG_DB_POOL_SIZE"
            : "nobody queued for a connection at the dump");
  }

  /** How many threads waited to enter a monitor at the dump, and on which one most. */
  private static String locks(ThreadDumpCensus census) {
    if (census == null || census.blockedOn().isEmpty()) {
      return "no thread blocked on a monitor at the dump";
    }
    int blocked = census.blockedOn().values().stream().mapToInt(Integer::intValue).sum();
    Map.Entry<String, Integer> most =
        census.blockedOn().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    return blocked
        + " threads blocked on monitors at the dump, most ("
        + most.getValue()
        + ") on "
        + most.getKey();
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
