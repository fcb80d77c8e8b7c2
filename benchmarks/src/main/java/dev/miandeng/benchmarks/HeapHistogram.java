package dev.miandeng.benchmarks;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live-object class histogram as {@code jcmd <pid> GC.class_histogram} prints it: the total live
 * heap in bytes and the bytes per class, to say what the heap holds and what grew.
 */
record HeapHistogram(long totalBytes, Map<String, Long> bytesByClass) {

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+).*$");
  private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)\\s*$");

  HeapHistogram {
    bytesByClass = Map.copyOf(bytesByClass);
  }

  static HeapHistogram parse(String jcmdOutput) {
    Map<String, Long> bytes = new HashMap<>();
    long total = -1;
    for (String line : jcmdOutput.lines().toList()) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        continue;
      }
      Matcher sum = TOTAL.matcher(line);
      if (sum.matches()) {
        total = Long.parseLong(sum.group(1));
      }
    }
    if (total < 0) {
      throw new IllegalStateException("no Total line in the class histogram:\n" + jcmdOutput);
    }
    return new HeapHistogram(total, bytes);
  }

  /** The {@code n} classes holding the most bytes. */
  List<Map.Entry<String, Long>> largest(int n) {
    return bytesByClass.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .toList();
  }

  /** The {@code n} classes whose bytes grew most from {@code before} to this histogram. */
  List<Map.Entry<String, Long>> grownSince(HeapHistogram before, int n) {
    Map<String, Long> growth = new HashMap<>();
    bytesByClass.forEach(
        (name, now) -> growth.put(name, now - before.bytesByClass.getOrDefault(name, 0L)));
    return growth.entrySet().stream()
        .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed())
        .limit(n)
        .toList();
  }
}
