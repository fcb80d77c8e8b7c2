package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuErrorTable.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of {@code docs/feishu-errors.md}, the people's copy of {@link FeishuErrorTable}. */
final class FeishuErrorsDoc {

  /** Tests run in the module directory; the document is the repository's. */
  static final Path FILE = Path.of("..", "docs", "feishu-errors.md");

  /** {@code | code | endpoint, ... | status, ... | meaning | outcome | source |} */
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| (\\d+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$");

  record Row(int code, List<String> endpoints, List<Integer> statuses, Outcome outcome) {
    @Override
    public String toString() {
      return code + " (" + outcome + " from " + endpoints.getFirst() + ")";
    }
  }

  private FeishuErrorsDoc() {}

  static List<Row> rows() {
    try {
      return Files.readAllLines(FILE).stream()
          .map(ROW::matcher)
          .filter(Matcher::matches)
          .map(FeishuErrorsDoc::row)
          .toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static Row row(Matcher m) {
    return new Row(
        Integer.parseInt(m.group(1)),
        split(m.group(2)),
        split(m.group(3)).stream().map(Integer::valueOf).toList(),
        Outcome.valueOf(m.group(5).trim().replace(' ', '_').toUpperCase(Locale.ROOT)));
  }

  private static List<String> split(String cell) {
    return Arrays.stream(cell.split(",")).map(String::trim).toList();
  }
}
