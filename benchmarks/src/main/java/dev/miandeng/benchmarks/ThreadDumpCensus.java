package dev.miandeng.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app's threads, virtual ones included, were doing at one moment: a JSON thread dump
 * ({@code jcmd <pid> Thread.dump_to_file -format=json}, which lists virtual threads, unlike {@code
 * Thread.print}) sorted into what each is waiting for. A pool that binds shows as threads queued
 * for it: HikariCP's in {@code ConcurrentBag.borrow}; the JDK HttpClient under Feign as calls
 * blocked in {@code BoundedClient.execute}; a platform thread pool as all its threads busy and none
 * idle. Two states come before any stack: a virtual thread that is runnable but has no carrier was
 * woken (its answer came, its lock was freed) and waits for a CPU, whatever its stack still shows;
 * a thread blocked entering a {@code synchronized} block waits for that monitor, counted by class.
 */
record ThreadDumpCensus(
    Map<String, Integer> counts,
    Map<String, Integer> otherStacks,
    Map<String, Integer> blockedOn,
    int virtualThreads,
    int platformThreads) {

  static final String HIKARI = "queued for a HikariCP connection";
  static final String READY =
      "virtual, runnable, no carrier: woken and queued for a CPU (its stack is where it waited)";
  private static final String BLOCKED = "blocked entering a synchronized block (monitors below)";
  private static final String HTTP_CLIENT_THREADS =
      "JDK HttpClient's own threads (selector, executor workers)";
  private static final String OTHER = "other (JVM and library housekeeping)";
  private static final int STACK_FRAMES_SHOWN = 4;

  /** Checked in order; the first whose marker is in a thread's stack names what it is doing. */
  private static final List<Map.Entry<String, String>> KINDS =
      List.of(
          Map.entry(
              "com.zaxxer.hikari.util.ConcurrentBag.borrow", "queued for a HikariCP connection"),
          // BoundedClient sends with sendAsync and waits on the future: no HttpClientImpl.send
          // frame.
          Map.entry(
              "dev.miandeng.adapter.feishu.BoundedClient.execute",
              "waiting on the auth center (JDK HttpClient under Feign)"),
          Map.entry(
              "jdk.internal.net.http.HttpClientImpl.send",
              "waiting on the auth center (JDK HttpClient under Feign)"),
          Map.entry(
              "dev.miandeng.adapter.feishu.RefreshingToken",
              "waiting for the shared app-token fetch (RefreshingToken), not in an HTTP exchange"),
          Map.entry("org.h2.", "in H2 (database work)"),
          Map.entry("dev.miandeng.", "in miandeng's code"),
          Map.entry("QueuedThreadPool", "Jetty platform pool thread, idle"),
          Map.entry("org.eclipse.jetty", "Jetty acceptor / selector"),
          Map.entry("jdk.internal.net.http", HTTP_CLIENT_THREADS),
          Map.entry("ForkJoinPool", "virtual-thread carrier or other ForkJoin worker"));

  static ThreadDumpCensus take(ServerProcess app, Path dir) {
    Path file = dir.resolve("threads-" + System.nanoTime() + ".json");
    app.jcmd("Thread.dump_to_file", "-format=json", file.toString());
    try {
      return of(Json.read(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ThreadDumpCensus of(JsonNode dump) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    KINDS.forEach(kind -> counts.put(kind.getValue(), 0));
    counts.put(OTHER, 0);
    counts.put(READY, 0);
    counts.put(BLOCKED, 0);
    Map<String, Integer> otherStacks = new LinkedHashMap<>();
    Map<String, Integer> blockedOn = new LinkedHashMap<>();
    int virtual = 0;
    int platform = 0;
    for (JsonNode container : dump.path("threadDump").path("threadContainers")) {
      for (JsonNode thread : container.path("threads")) {
        boolean isVirtual = thread.path("virtual").asBoolean(false);
        if (isVirtual) {
          virtual++;
        } else {
          platform++;
        }
        List<String> stack = new ArrayList<>();
        thread.path("stack").forEach(frame -> stack.add(frame.asText()));
        String state = thread.path("state").asText("");
        String kind =
            isVirtual && state.equals("RUNNABLE") && !thread.has("carrier")
                ? READY
                : state.equals("BLOCKED") ? BLOCKED : kind(thread.path("name").asText(""), stack);
        counts.merge(kind, 1, Integer::sum);
        if (kind.equals(BLOCKED)) {
          String monitor = thread.path("blockedOn").asText("?").replaceFirst("@\\p{XDigit}+$", "");
          String where = stack.isEmpty() ? "(no frames)" : stack.getFirst();
          blockedOn.merge(monitor + " in " + where, 1, Integer::sum);
        }
        if (kind.equals(OTHER)) {
          String top =
              String.join(" < ", stack.subList(0, Math.min(STACK_FRAMES_SHOWN, stack.size())));
          otherStacks.merge(top.isEmpty() ? "(no frames)" : top, 1, Integer::sum);
        }
      }
    }
    return new ThreadDumpCensus(counts, otherStacks, blockedOn, virtual, platform);
  }

  private static String kind(String name, List<String> stack) {
    if (name.startsWith("HttpClient-")) {
      // The JDK HttpClient's own threads: its selector and its default executor's workers.
      return HTTP_CLIENT_THREADS;
    }
    for (Map.Entry<String, String> kind : KINDS) {
      if (stack.stream().anyMatch(frame -> frame.contains(kind.getKey()))) {
        return kind.getValue();
      }
    }
    return OTHER;
  }

  void print(PrintStream out) {
    out.printf("  %d virtual and %d platform threads%n", virtualThreads, platformThreads);
    counts.forEach(
        (kind, n) -> {
          if (n > 0) {
            out.printf("  %5d  %s%n", n, kind);
          }
        });
    printTop(out, "monitors the blocked threads wait for (class, top frame):", blockedOn);
    printTop(out, "most common stacks among the others (top frames):", otherStacks);
  }

  private static void printTop(PrintStream out, String title, Map<String, Integer> tally) {
    if (tally.isEmpty()) {
      return;
    }
    out.println("  " + title);
    tally.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(5)
        .forEach(e -> out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
  }
}
