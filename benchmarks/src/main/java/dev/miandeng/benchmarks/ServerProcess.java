package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM this benchmark started: how long it took from process start to its first 200 on the
 * readiness URL, its CPU and memory from /proc, its live heap from {@code jcmd}, and a SIGTERM
 * stop. Its output goes to a log file, named in every failure.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration POLL_EVERY = Duration.ofMillis(10);
  private static final HttpClient POLLER =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final Duration startup;

  private ServerProcess(String name, Process process, Path log, Duration startup) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.startup = startup;
  }

  /**
   * Starts {@code command} with the benchmark's environment minus every {@code MIANDENG_*} and
   * {@code FEISHU_*} variable (so a developer's shell cannot change what is measured), plus {@code
   * env}; then polls {@code readiness} every 10 ms until it answers 200.
   */
  static ServerProcess start(
      String name, List<String> command, Map<String, String> env, URI readiness, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("MIANDENG_") || k.startsWith("FEISHU_"));
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    ServerProcess server = new ServerProcess(name, process, log, Duration.ZERO);
    Duration startup = server.awaitReady(readiness, started);
    return new ServerProcess(name, process, log, startup);
  }

  /** The JVM command line shared by every server of a run: same java, same flags. */
  static List<String> java(List<String> jvmFlags, String... rest) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of(rest));
    return command;
  }

  private Duration awaitReady(URI readiness, long started) {
    HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
    long deadline = started + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      try {
        if (POLLER.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      sleep(POLL_EVERY);
    }
    close();
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT + "; see " + log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** From process start to the first 200 of the readiness URL. */
  Duration startup() {
    return startup;
  }

  long cpuMicros() {
    return ProcFs.cpuMicros(pid());
  }

  long rssKib() {
    return ProcFs.rssKib(pid());
  }

  Path log() {
    return log;
  }

  /**
   * The class histogram after a full GC ({@code jcmd <pid> GC.class_histogram} collects first, so
   * only live objects are counted).
   */
  HeapHistogram liveHeap() {
    return HeapHistogram.parse(jcmd("GC.class_histogram"));
  }

  /** {@code jcmd <pid> <command...>}'s output; fails with it when jcmd does. */
  String jcmd(String... command) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid()));
    line.addAll(List.of(command));
    try {
      Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
      String out = new String(jcmd.getInputStream().readAllBytes());
      if (jcmd.waitFor() != 0) {
        throw new IllegalStateException("jcmd failed for " + name + ": " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run jcmd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running jcmd", e);
    }
  }

  /** The last lines of the log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, as an orchestrator would; killed after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
