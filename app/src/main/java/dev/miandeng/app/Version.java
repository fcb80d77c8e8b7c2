package dev.miandeng.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build: the Maven project version, written into {@code version.properties} by
 * resource filtering, so the jar, the IDE and the tests all report the same value.
 */
final class Version {

  private static final String RESOURCE = "version.properties";

  private Version() {}

  /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String current() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: the build did not filter it");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one line printed first at start-up and by the doctor. */
  static String line() {
    return "miandeng "
        + current()
        + " (Java "
        + Runtime.version()
        + ", "
        + System.getProperty("java.vendor", "unknown vendor")
        + ")";
  }
}
