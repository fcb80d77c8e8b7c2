package dev.miandeng.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own time for each request, from its access log ({@code MIANDENG_ACCESS_LOG=true},
 * README "Configuration"): the microseconds from the request's first byte parsed to its line, which
 * is written once the answer's last byte is, by request id ({@code X-Request-Id}). A client's clock
 * also counts its own HTTP stack, the loopback and its waits for a CPU; this one is the server's
 * alone.
 */
final class AccessLogTimes {

  /** {@code … "POST /api/session HTTP/1.1" 200 1043 4127us 3q2-7wEMx1fZ0a9R} at a line's end. */
  private static final Pattern LINE = Pattern.compile("\" \\d{3} \\d+ (\\d+)us (\\S+)$");

  private final Map<String, Long> micros = new HashMap<>();

  private AccessLogTimes() {}

  /** Every access-log line of {@code text}; other lines are skipped. */
  static AccessLogTimes parse(String text) {
    AccessLogTimes times = new AccessLogTimes();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line.strip());
      if (m.find()) {
        times.micros.put(m.group(2), Long.parseLong(m.group(1)));
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
    Long us = micros.get(requestId);
    return us == null ? -1 : us * 1000;
  }

  /** The server's time for a login's two requests in nanoseconds, or -1 while a line is missing. */
  long nanos(PageLogin.Timings login) {
    long nonce = nanos(login.nonceRequestId());
    long post = nanos(login.postRequestId());
    return nonce < 0 || post < 0 ? -1 : nonce + post;
  }
}
