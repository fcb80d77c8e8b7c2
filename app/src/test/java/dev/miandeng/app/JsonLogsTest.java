package dev.miandeng.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class JsonLogsTest {

  @Test
  @DisplayName(
      "MIANDENG_LOG_FORMAT=json: the production console appender writes one JSON object per"
          + " event, with the request id")
  void consoleWritesJson() throws JoranException {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(Main.class.getResource("/logback.xml"));

    JsonLogs.switchConsole(context);

    @SuppressWarnings("unchecked")
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(JsonLogs.APPENDER);
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(context);
    event.setLoggerName("dev.miandeng.test");
    event.setLevel(Level.WARN);
    event.setMessage("store {}\nsecond line");
    event.setArgumentArray(new Object[] {"\"down\""});
    event.setMDCPropertyMap(Map.of("requestId", "req-42"));
    event.setTimeStamp(0);
    event.setThreadName("t");

    String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);

    assertThat(line.strip()).startsWith("{").endsWith("}").doesNotContain("\n");
    assertThat(line)
        .contains("\"level\":\"WARN\"")
        .contains("\"loggerName\":\"dev.miandeng.test\"")
        .containsPattern("\"requestId\": ?\"req-42\"")
        .contains("\"formattedMessage\":\"store \\\"down\\\"\\nsecond line\"");
    context.stop();
  }
}
