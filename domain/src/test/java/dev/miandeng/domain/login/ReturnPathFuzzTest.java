package dev.miandeng.domain.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miandeng.domain.fixtures.HostileStrings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the return-path validator (SEC-21). The normal build replays the seeds in
 * {@code ReturnPathFuzzTestInputs/} (Jazzer regression mode) and sweeps the fixed-seed generator;
 * {@code JAZZER_FUZZ=1 mvn -pl domain test -Dtest=ReturnPathFuzzTest} fuzzes for real.
 */
class ReturnPathFuzzTest {

  @FuzzTest(maxDuration = "60s")
  @DisplayName("SEC-32 SEC-21 fuzzed return paths: never throws, only a same-origin path or home")
  void parseOrHome(byte[] input) {
    HostileStrings.decodings(input).forEach(ReturnPathFuzzTest::assertSameOriginOrHome);
  }

  @Test
  @DisplayName(
      "SEC-32 SEC-21 20 000 generated hostile return paths: only a same-origin path or home")
  void generatedReturnPaths() {
    HostileStrings.ATTACKS.forEach(ReturnPathFuzzTest::assertSameOriginOrHome);
    HostileStrings.generated(32L, 20_000).forEach(ReturnPathFuzzTest::assertSameOriginOrHome);
  }

  private static void assertSameOriginOrHome(String raw) {
    ReturnPath path = ReturnPath.parseOrHome(raw);
    if (path.equals(ReturnPath.HOME)) {
      return;
    }
    String value = path.value();
    assertThat(value).as("a kept path is the input itself").isEqualTo(raw);
    assertThat(value).startsWith("/").hasSizeLessThanOrEqualTo(1024).doesNotContain("\\");
    if (value.length() > 1) {
      assertThat(value.charAt(1)).as("second character of %s", value).isNotIn('/', '\\');
    }
    assertThat(value.codePoints())
        .as("characters of %s", value)
        .noneMatch(Character::isISOControl)
        .noneMatch(Character::isWhitespace)
        .noneMatch(Character::isSpaceChar)
        .allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
