package dev.miandeng.benchmarks;

import dev.miandeng.benchmarks.agent.SqlCountingAgent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL statements an app JVM prepared so far, by SQL text, as its {@link SqlCountingAgent}
 * reports them; {@link #minus} gives those of a window.
 *
 * @param total every statement
 * @param bySql count per SQL text (whitespace collapsed)
 */
record SqlCounts(long total, Map<String, Long> bySql) {

  static final SqlCounts NONE = new SqlCounts(0, Map.of());

  /** The counts of the agent listening on 127.0.0.1:{@code port}. */
  static SqlCounts read(int port) {
    URI uri = URI.create("http://127.0.0.1:" + port + SqlCountingAgent.PATH);
    return parse(LoopbackGet.text(uri, "the SQL-counting agent"));
  }

  /** Lines of {@code count<TAB>sql}; the first one is the total. */
  static SqlCounts parse(String text) {
    Map<String, Long> bySql = new LinkedHashMap<>();
    long total = 0;
    for (String line : text.split("\n")) {
      String[] parts = line.split("\t", 2);
      if (parts.length < 2) {
        continue;
      }
      long count = Long.parseLong(parts[0]);
      if (parts[1].equals("total") && bySql.isEmpty() && total == 0) {
        total = count;
      } else {
        bySql.put(parts[1], count);
      }
    }
    return new SqlCounts(total, bySql);
  }

  SqlCounts minus(SqlCounts before) {
    if (this == NONE) {
      return NONE;
    }
    Map<String, Long> grown =
        bySql.entrySet().stream()
            .filter(e -> e.getValue() > before.bySql().getOrDefault(e.getKey(), 0L))
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> e.getValue() - before.bySql().getOrDefault(e.getKey(), 0L),
                    Long::sum,
                    LinkedHashMap::new));
    return new SqlCounts(total - before.total(), grown);
  }
}
