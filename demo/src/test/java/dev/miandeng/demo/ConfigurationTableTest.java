package dev.miandeng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table and the code list the same names. Here every name is read: the
 * demo's own two and, through the demo, all of the app's (a database URL and a Redis store make the
 * readers of both stores run).
 */
class ConfigurationTableTest {

  /** A table row's first cell: one or more {@code `NAME`}s, a secret's {@code (`_FILE`)} after. */
  private static final Pattern ROW = Pattern.compile("^\\| ([^|]*) \\|");

  private static final Pattern NAME = Pattern.compile("`((?:MIANDENG|FEISHU)_[A-Z0-9_]+|_FILE)`");

  @Test
  @DisplayName("every name the README's Configuration table lists is read, and nothing else is")
  void readmeTableListsExactlyTheNamesTheCodeReads() throws IOException {
    ConfigSources given =
        ConfigSources.of(
            Map.of(
                "MIANDENG_PORT", "0",
                "MIANDENG_DB_URL", "jdbc:h2:mem:table-test",
                "MIANDENG_SESSIONS", "redis"));
    Set<String> read;
    try (SimulatedFeishu feishu = SimulatedFeishu.start(given, Clock.systemUTC())) {
      ConfigSources app = feishu.appConfig();
      AppConfigReader.read(app);
      read = new TreeSet<>(app.namesRead());
    }

    assertThat(read).isEqualTo(documentedNames());
  }

  private static Set<String> documentedNames() throws IOException {
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    String section = readme.substring(readme.indexOf("## Configuration"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    Set<String> names = new TreeSet<>();
    for (String line : section.lines().toList()) {
      Matcher row = ROW.matcher(line);
      if (!row.find()) {
        continue;
      }
      Matcher name = NAME.matcher(row.group(1));
      String last = null;
      while (name.find()) {
        last = name.group(1).equals("_FILE") ? last + "_FILE" : name.group(1);
        names.add(last);
      }
    }
    return names;
  }
}
