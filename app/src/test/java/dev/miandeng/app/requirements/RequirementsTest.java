package dev.miandeng.app.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/requirements.md} and the tests in step: every SEC/REL id a Java source cites is
 * defined there, and every test the page names as a proof exists and cites that id (itself or
 * through the scenario class it extends).
 */
class RequirementsTest {

  private static final Pattern ID = Pattern.compile("\\b(?:SEC|REL)-\\d{2}\\b");
  private static final Pattern ROW =
      Pattern.compile("^\\| ((?:SEC|REL)-\\d{2}) \\|.*\\| ([^|]*) \\|$");
  private static final Pattern EXTENDS = Pattern.compile("\\bextends\\s+(\\w+)");

  private static Path root;
  private static Map<String, List<String>> provenBy;
  private static int rows;
  private static Map<String, List<Path>> javaFiles;

  @BeforeAll
  static void read() throws IOException {
    root = Path.of("").toAbsolutePath().getParent();
    provenBy = new LinkedHashMap<>();
    for (String line : Files.readAllLines(root.resolve("docs/requirements.md"))) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        List<String> tests = new ArrayList<>();
        for (String name : row.group(2).split(",")) {
          if (name.trim().matches("\\w+")) {
            tests.add(name.trim());
          }
        }
        provenBy.put(row.group(1), tests);
        rows++;
      }
    }
    javaFiles = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .forEach(
              p ->
                  javaFiles
                      .computeIfAbsent(
                          p.getFileName().toString().replace(".java", ""), k -> new ArrayList<>())
                      .add(p));
    }
  }

  @Test
  @DisplayName("the page defines the whole checklist, each id once")
  void definesTheChecklist() {
    assertThat(provenBy.keySet()).hasSize(36 + 13);
    assertThat(rows).as("rows, so an id defined twice shows").isEqualTo(provenBy.size());
  }

  @Test
  @DisplayName("every SEC/REL id a source cites is defined in docs/requirements.md")
  void everyCitedIdIsDefined() {
    Map<String, Set<String>> undefined = new TreeMap<>();
    javaFiles.values().stream()
        .flatMap(List::stream)
        .forEach(
            file -> {
              Matcher id = ID.matcher(read(file));
              while (id.find()) {
                if (!provenBy.containsKey(id.group())) {
                  undefined
                      .computeIfAbsent(id.group(), k -> new TreeSet<>())
                      .add(root.relativize(file).toString());
                }
              }
            });
    assertThat(undefined).as("ids cited but not defined, with where they are cited").isEmpty();
  }

  @Test
  @DisplayName("every test named as a proof exists and cites the id it is listed for")
  void everyNamedProofCitesItsId() {
    List<String> wrong = new ArrayList<>();
    provenBy.forEach(
        (id, tests) ->
            tests.forEach(
                test -> {
                  if (!textWithAncestors(test).contains(id)) {
                    wrong.add(id + " <- " + test);
                  }
                }));
    assertThat(wrong).as("proofs that do not exist or do not cite their id").isEmpty();
  }

  /**
   * The sources of every class of that simple name (the same name may stand in two modules, e.g.
   * the use-case and the HTTP {@code BrowserLoginTest}) and of the classes they extend.
   */
  private static String textWithAncestors(String className) {
    StringBuilder text = new StringBuilder();
    for (Path file : javaFiles.getOrDefault(className, List.of())) {
      String source = read(file);
      text.append(source);
      Matcher parent = EXTENDS.matcher(source);
      if (parent.find()) {
        text.append(textWithAncestors(parent.group(1)));
      }
    }
    return text.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
