package dev.miandeng.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The sample dashboard and the README's Metrics table name the same meters, and each of the app's
 * own meters the sources register is in the table: a renamed meter fails here, not on a dashboard.
 */
class MetricsDocsTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** A Prometheus family of ours, without the suffixes Prometheus adds per sample. */
  private static final Pattern FAMILY =
      Pattern.compile(
          "miandeng_[a-z_]+?(?=_total\\b|_bucket\\b|_count\\b|_sum\\b|_max\\b|[^a-z_])");

  /** A meter name as the sources give it to Micrometer. */
  private static final Pattern METER = Pattern.compile("\"(miandeng(?:\\.[a-z]+)+)\"");

  @Test
  @DisplayName("every miandeng meter of the sources and of the dashboard is in the README's table")
  void documented() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String metricsSection = readme.substring(readme.indexOf("## Metrics"));
    metricsSection = metricsSection.substring(0, metricsSection.indexOf("\n## ", 1));
    Set<String> documented = families(metricsSection);

    Set<String> registered = new TreeSet<>();
    try (var sources = Files.walk(ROOT)) {
      for (Path source :
          sources
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/"))
              .toList()) {
        Matcher m = METER.matcher(Files.readString(source));
        while (m.find()) {
          registered.add(m.group(1).replace('.', '_'));
        }
      }
    }
    Set<String> inDashboard =
        families(Files.readString(ROOT.resolve("docs/grafana-dashboard.json")));

    assertThat(registered).isNotEmpty();
    assertThat(documented).containsAll(registered).containsAll(inDashboard);
    assertThat(inDashboard).as("the dashboard shows every meter of ours").containsAll(registered);
  }

  private static Set<String> families(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = FAMILY.matcher(text);
    while (m.find()) {
      // A timer's Prometheus family carries its base unit: miandeng.feishu.calls is *_seconds.
      found.add(m.group().replaceFirst("_seconds$", ""));
    }
    return found;
  }
}
