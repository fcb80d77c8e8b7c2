package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.miandeng.app.AppOnSimulator;
import dev.miandeng.domain.fixtures.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The two adapters agree on the logging-context key of the time spent waiting on Feishu: the Feishu
 * adapter adds each call's time, the web adapter's access log writes it. Neither may name the
 * other, so only the assembled app can prove it.
 */
class AccessLogUpstreamTest {

  private static final Pattern LOGIN_LINE =
      Pattern.compile("\"POST /api/session HTTP/1\\.1\" 200 \\d+ (\\d+)us upstream=(\\d+)us ");

  @Test
  @DisplayName(
      "the access log's upstream= of an in-client login holds its calls to Feishu (two of at"
          + " least 30 ms each on the simulator), within the request's time")
  void loginLineHoldsTheTimeWaitingOnFeishu() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger("access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    // The test classpath's logback-test.xml (the stores' test jars) sets the root to WARN.
    Level level = access.getLevel();
    access.setLevel(Level.INFO);
    try (AppOnSimulator app =
        AppOnSimulator.start(
            Map.of("MIANDENG_PERSISTENCE", "memory", "MIANDENG_ACCESS_LOG", "true"))) {
      app.simulator().control().latency(Duration.ofMillis(30));

      InClientLogin.logIn(app);

      // Jetty writes the line once the answer is complete, which the client may see first.
      // Eventually retries on an exception, not on an AssertionError.
      Matcher login =
          Eventually.succeeds(
              Duration.ofSeconds(5),
              () -> {
                List<String> all = written(lines);
                return all.stream()
                    .map(LOGIN_LINE::matcher)
                    .filter(Matcher::find)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no login line in " + all));
              });
      long total = Long.parseLong(login.group(1));
      long upstream = Long.parseLong(login.group(2));
      // The v2 code exchange (the default) and user_info: each waits at least the latency.
      assertThat(upstream).isGreaterThanOrEqualTo(2 * 30_000L).isLessThanOrEqualTo(total);
    } finally {
      access.detachAppender(lines);
      access.setLevel(level);
    }
  }

  /** The lines so far; the appender adds under its own lock, so they are read under it too. */
  private static List<String> written(ListAppender<ILoggingEvent> appender) {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }
}
