package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a process's CPU time and memory from Linux's {@code /proc} (proc(5)): what the process
 * itself spent, whatever the load generator or the other processes on the machine did.
 */
final class ProcFs {

  private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

  private ProcFs() {}

  /**
   * User plus system CPU time of every thread of the process so far, in microseconds: fields 14
   * ({@code utime}) and 15 ({@code stime}) of {@code /proc/<pid>/stat}, counted in clock ticks.
   */
  static long cpuMicros(long pid) {
    return ticks(read(Path.of("/proc", Long.toString(pid), "stat")))
        * 1_000_000
        / CLOCK_TICKS_PER_SECOND;
  }

  /** Fields 14 and 15 of a {@code stat} line, in clock ticks. */
  private static long ticks(String stat) {
    // Field 2 (the command) is in parentheses and may hold spaces: count from after it.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  /**
   * User plus system CPU time of the process's JIT compiler threads so far, in microseconds: the
   * threads named {@code C1 CompilerThread…} and {@code C2 CompilerThread…} ({@code
   * /proc/<pid>/task/<tid>/comm}, cut at 15 characters), their {@code stat} read as in {@link
   * #cpuMicros}. A thread that ends between the listing and the read is skipped.
   */
  static long jitCompilerCpuMicros(long pid) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    long ticks = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : threads.toList()) {
        try {
          if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
            ticks += ticks(Files.readString(thread.resolve("stat")));
          }
        } catch (NoSuchFileException ended) {
          // The JVM removes idle compiler threads; this one is gone.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + tasks, e);
    }
    return ticks * 1_000_000 / CLOCK_TICKS_PER_SECOND;
  }

  /** Resident set size in KiB ({@code VmRSS} of {@code /proc/<pid>/status}). */
  static long rssKib(long pid) {
    return statusValue(pid, "VmRSS:");
  }

  /** Peak resident set size in KiB ({@code VmHWM}). */
  static long peakRssKib(long pid) {
    return statusValue(pid, "VmHWM:");
  }

  /** Native threads of the process ({@code Threads:} of {@code /proc/<pid>/status}). */
  static long threads(long pid) {
    return statusValue(pid, "Threads:");
  }

  /**
   * How often, machine-wide, a listening socket's accept queue overflowed and a connection attempt
   * was dropped ({@code TcpExt: ListenOverflows} of {@code /proc/net/netstat}). A dropped SYN is
   * retried by the client after about one second: a silent limit worth counting.
   */
  static long listenOverflows() {
    List<String> lines = read(Path.of("/proc/net/netstat")).lines().toList();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
        List<String> names = List.of(lines.get(i).split("\\s+"));
        String[] values = lines.get(i + 1).split("\\s+");
        int at = names.indexOf("ListenOverflows");
        return at < 0 ? -1 : Long.parseLong(values[at]);
      }
    }
    return -1;
  }

  /**
   * The machine's 1-minute load average ({@code /proc/loadavg}): runnable and uninterruptible
   * tasks, averaged. Above the CPU count, every process here (app, client, stub) waits for a CPU.
   */
  static double loadAverage() {
    return Double.parseDouble(read(Path.of("/proc/loadavg")).split("\\s+")[0]);
  }

  private static long statusValue(long pid, String key) {
    return read(Path.of("/proc", Long.toString(pid), "status"))
        .lines()
        .filter(line -> line.startsWith(key))
        .map(line -> line.substring(key.length()).trim().split("\\s+")[0])
        .mapToLong(Long::parseLong)
        .findFirst()
        .orElse(-1);
  }

  /** {@code getconf CLK_TCK}: the unit of utime and stime (100 on nearly every Linux). */
  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
