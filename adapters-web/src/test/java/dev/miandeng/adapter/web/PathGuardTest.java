package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.HostileStrings;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {

  private static final PathGuard GUARD = new PathGuard();

  @ParameterizedTest
  @ValueSource(strings = {"/api/%%32%65%%32%65/me", "/api/me%", "/api/me%2", "/api/%zz"})
  @DisplayName("SEC-30 a percent sign that starts no escape is refused, so a second decoder cannot")
  void brokenEscapesAreRefused(String path) {
    assertThatThrownBy(() -> GUARD.check(FakeContext.withPath("GET", path)))
        .isInstanceOf(RequestRejectedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/me", "/assets/app.js"})
  void ordinaryPathsPass(String path) {
    assertThatCode(() -> GUARD.check(FakeContext.withPath("GET", path))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/me;jsessionid=x",
        "/api//me",
        "/api/./me",
        "/api/../me",
        "/api/.",
        "/api/..",
        "/api\\me",
        "/api/%2e%2e/me",
        "/api/%2E/me",
        "/api%2fme",
        "/api%2Fme",
        "/api%5cme",
        "/api%00",
        "/api%0d%0a",
        "/api%0A",
        "/api/%252e",
        "/api/me ",
        "/api/m\u00e9",
        "/api/\u0130"
      })
  @DisplayName("SEC-27 SEC-30 parameters, empty or dot segments and escaped separators are refused")
  void separatorsAndTheirEscapesAreRefused(String path) {
    assertThatThrownBy(() -> GUARD.check(FakeContext.withPath("GET", path)))
        .isInstanceOf(RequestRejectedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/%41bc", "/a%20b", "/x%7e", "/api/me.json", "/.well-known/x"})
  void harmlessEscapesAndDotsInNamesPass(String path) {
    assertThatCode(() -> GUARD.check(FakeContext.withPath("GET", path))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName(
      "SEC-27 SEC-30 the one-pass check refuses exactly what the original rules (lower-case,"
          + " substrings, regex) refused, on 50 000 hostile and generated paths")
  void agreesWithTheOriginalRules() {
    Stream.concat(
            Stream.concat(HostileStrings.ATTACKS.stream(), HostileStrings.generated(7L, 50_000)),
            escapeSoup(50_000))
        .flatMap(raw -> Stream.of(raw, "/" + raw, "/api/" + raw, "/api/" + raw + "/me"))
        .forEach(
            raw ->
                assertThat(PathGuard.isPlain(raw))
                    .as("%s", raw)
                    .isEqualTo(OriginalRules.isPlain(raw)));
  }

  /** Short strings of slashes, dots, percent signs and (near-)hex digits, the guard's edge. */
  private static Stream<String> escapeSoup(int count) {
    String alphabet = "/.%%%25eEfFcCdDaAgG0;\\x";
    java.util.SplittableRandom random = new java.util.SplittableRandom(13L);
    return Stream.generate(
            () -> {
              StringBuilder out = new StringBuilder();
              int length = 1 + random.nextInt(10);
              for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
              }
              return out.toString();
            })
        .limit(count);
  }

  /** The rules as first written (before issue 13 made them one pass), kept as the oracle. */
  private static final class OriginalRules {
    private static final List<String> FORBIDDEN =
        List.of(";", "//", "\\", "%2e", "%2f", "%5c", "%00", "%0d", "%0a", "%25", "/./", "/../");
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    static boolean isPlain(String raw) {
      String lower = raw.toLowerCase(Locale.ROOT);
      if (lower.endsWith("/.") || lower.endsWith("/..")) {
        return false;
      }
      for (String bad : FORBIDDEN) {
        if (lower.contains(bad)) {
          return false;
        }
      }
      return !BROKEN_ESCAPE.matcher(raw).find() && raw.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
  }
}
