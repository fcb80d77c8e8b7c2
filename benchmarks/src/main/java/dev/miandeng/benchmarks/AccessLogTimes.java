package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's time for each request, from its access log ({@code MIANDENG_ACCESS_LOG=true}, README
 * "Configuration"), by request id ({@code X-Request-Id}): the microseconds from the request's first
 * byte parsed to its line, which is written once the answer's last byte is, and of those the ones
 * spent waiting on Feishu ({@code upstream=}, the app's own timing of its calls). A client's clock
 * also counts its own HTTP stack, the loopback and its waits for a CPU; these are the server's
 * alone.
 */
final class AccessLogTimes {

  /**
   * {@code … "POST /api/session HTTP/1.1" 200 1043 204127us upstream=201950us 3q2-7wEMx1fZ0a9R}.
   */
  private static final Pattern LINE =
      Pattern.compile("\" \\d{3} \\d+ (\\d+)us upstream=(\\d+)us (\\S+)$");

  /** One request's line: its time and the part of it waiting on Feishu, in microseconds. */
  private record Line(long micros, long upstreamMicros) {}

  private final Map<String, Line> lines = new HashMap<>();

  private AccessLogTimes() {}

  /** Every access-log line of {@code text}; other lines are skipped. */
  static AccessLogTimes parse(String text) {
    AccessLogTimes times = new AccessLogTimes();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.find()) {
        times.lines.put(
            m.group(3), new Line(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    return times;
  }

  static AccessLogTimes read(Path log) {
    try {
      return parse(Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the app's log " + log, e);
    }
  }

  /** The server's time for the request of this id in nanoseconds, or -1 when it has no line. */
  long nanos(String requestId) {
    return nanos(requestId, Line::micros);
  }

  /**
   * The server's own time for the request of this id in nanoseconds, its time less the time it
   * waited on Feishu, or -1 when it has no line.
   */
  long ownNanos(String requestId) {
    return nanos(requestId, line -> line.micros() - line.upstreamMicros());
  }

  /** The server's time for a login's two requests in nanoseconds, or -1 while a line is missing. */
  long nanos(PageLogin.Timings login) {
    return sum(login.nonceRequestId(), login.postRequestId(), this::nanos);
  }

  /** As {@link #ownNanos(String)} for a login's two requests, or -1 while a line is missing. */
  long ownNanos(PageLogin.Timings login) {
    return sum(login.nonceRequestId(), login.postRequestId(), this::ownNanos);
  }

  private long nanos(String requestId, ToLongFunction<Line> micros) {
    Line line = lines.get(requestId);
    return line == null ? -1 : micros.applyAsLong(line) * 1000;
  }

  private static long sum(String first, String second, ToLongFunction<String> nanos) {
    long a = nanos.applyAsLong(first);
    long b = nanos.applyAsLong(second);
    return a < 0 || b < 0 ? -1 : a + b;
  }
}
