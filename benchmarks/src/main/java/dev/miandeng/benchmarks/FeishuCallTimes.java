package dev.miandeng.benchmarks;

import java.net.URI;

/**
 * The app's own view of its calls to the auth center so far: {@code miandeng_feishu_calls_seconds}
 * (count and sum over every endpoint, status and code) from its Prometheus scrape on the management
 * port. {@link #minus} gives those of a batch, so a login's time can be split into the calls as the
 * app waited for them and the rest, which is the app's own.
 *
 * @param calls calls timed (one per try)
 * @param seconds their summed duration, from the app sending to the app having the whole answer
 */
record FeishuCallTimes(long calls, double seconds) {

  private static final String SUM = "miandeng_feishu_calls_seconds_sum";
  private static final String COUNT = "miandeng_feishu_calls_seconds_count";

  /** Scrapes {@code GET /metrics} of the management server at 127.0.0.1:{@code port}. */
  static FeishuCallTimes read(int port) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    return parse(LoopbackGet.text(uri, "the app's metrics"));
  }

  /** Sums the timer's {@code _count} and {@code _sum} series of the Prometheus text format. */
  static FeishuCallTimes parse(String text) {
    long calls = 0;
    double seconds = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(COUNT + "{") || line.startsWith(COUNT + " ")) {
        calls += (long) value(line);
      } else if (line.startsWith(SUM + "{") || line.startsWith(SUM + " ")) {
        seconds += value(line);
      }
    }
    return new FeishuCallTimes(calls, seconds);
  }

  FeishuCallTimes minus(FeishuCallTimes before) {
    return new FeishuCallTimes(calls - before.calls, seconds - before.seconds);
  }

  /** The mean call in milliseconds, or NaN without a call. */
  double meanMillis() {
    return calls == 0 ? Double.NaN : seconds * 1000 / calls;
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
