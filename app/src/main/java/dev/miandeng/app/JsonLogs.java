package dev.miandeng.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MIANDENG_LOG_FORMAT=json}: the console appender of {@code logback.xml} ({@value
 * #APPENDER}) writes one JSON object per event: {@code timestamp} (epoch ms), {@code level}, {@code
 * threadName}, {@code loggerName}, {@code mdc} (so the {@code requestId} of the request being
 * served), {@code formattedMessage} and {@code throwable}, for a log shipper to index instead of
 * parse.
 *
 * <p>Logback's own {@link JsonEncoder} rather than a separate encoder library: it ships with
 * logback-classic, so JSON logs cost no dependency. Switched after the configuration is read (the
 * format is a setting like any other, from the environment, a file or a flag), so the version line
 * before it stays text.
 */
final class JsonLogs {

  static final String APPENDER = "CONSOLE";

  private JsonLogs() {}

  /**
   * Gives the console appender of the running logback a JSON encoder.
   *
   * @throws IllegalStateException when logback is not the SLF4J binding or has no such appender
   */
  static void switchConsole() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IllegalStateException("JSON logs need logback as the SLF4J binding");
    }
    switchConsole(context);
  }

  /** As above, in {@code context}. */
  static void switchConsole(LoggerContext context) {
    if (!(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
        instanceof ConsoleAppender<ILoggingEvent> console)) {
      throw new IllegalStateException("JSON logs need logback's " + APPENDER + " appender");
    }
    JsonEncoder json = new JsonEncoder();
    json.setContext(context);
    // The message as a reader sees it, not the pattern and its arguments apart; no per-process
    // noise (sequence numbers, the logger context) on every line.
    json.setWithFormattedMessage(true);
    json.setWithMessage(false);
    json.setWithArguments(false);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithContext(false);
    json.start();
    console.stop();
    console.setEncoder(json);
    console.start();
  }
}
