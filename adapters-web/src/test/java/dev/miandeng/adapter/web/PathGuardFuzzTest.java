package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miandeng.domain.fixtures.HostileStrings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the path and method guard (SEC-27, SEC-30): a path it lets through, once
 * percent-decoded, holds no dot segment, empty segment, backslash, path parameter, NUL, CR or LF,
 * so no route can be reached by a trick; it refuses with our own 400/405 only. The seeds are in
 * {@code PathGuardFuzzTestInputs/}.
 */
class PathGuardFuzzTest {

  private static final PathGuard GUARD = new PathGuard();
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");
  private static final List<String> TRIED_METHODS = List.of("GET", "POST", "TRACE", "get");

  @FuzzTest(maxDuration = "60s")
  @DisplayName(
      "SEC-32 SEC-30 fuzzed request paths and methods: only plain paths pass, else 400/405")
  void pathAndMethod(byte[] input) {
    HostileStrings.decodings(input).forEach(PathGuardFuzzTest::assertGuarded);
  }

  @Test
  @DisplayName("SEC-32 SEC-30 20 000 generated request paths: only plain paths pass, else 400/405")
  void generatedPaths() {
    HostileStrings.ATTACKS.forEach(PathGuardFuzzTest::assertGuarded);
    HostileStrings.generated(32L, 20_000).forEach(PathGuardFuzzTest::assertGuarded);
  }

  private static void assertGuarded(String raw) {
    for (String uri : List.of(raw, "/" + raw, "/api/" + raw)) {
      for (String method : TRIED_METHODS) {
        assertOnePath(method, uri);
      }
    }
    assertOnePath(raw, "/");
  }

  private static void assertOnePath(String method, String uri) {
    try {
      GUARD.check(FakeContext.withPath(method, uri));
    } catch (RequestRejectedException e) {
      assertThat(e.status()).isIn(400, 405);
      assertThat(e.status() == 405).isEqualTo(!METHODS.contains(method));
      return;
    }
    assertThat(METHODS).contains(method);
    assertThat(uri).startsWith("/");
    assertThat(uri.chars()).as("characters of %s", uri).allMatch(c -> c > 0x20 && c < 0x7f);
    String decoded = percentDecoded(uri);
    assertThat(decoded).as("%s decoded", uri).doesNotContain("//", "\\", ";", "\u0000", "\r", "\n");
    assertThat(Arrays.asList(decoded.split("/", -1)))
        .as("segments of %s", decoded)
        .doesNotContain(".", "..");
  }

  /** Decodes every %XX, as the most lenient server behind us might, to see what it would route. */
  private static String percentDecoded(String uri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '%'
          && i + 2 < uri.length()
          && isHex(uri.charAt(i + 1))
          && isHex(uri.charAt(i + 2))) {
        out.write(HexFormat.fromHexDigits(uri, i + 1, i + 3));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
