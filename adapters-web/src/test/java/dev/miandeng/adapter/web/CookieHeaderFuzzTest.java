package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miandeng.domain.fixtures.HostileStrings;
import dev.miandeng.domain.fixtures.TokenShape;
import dev.miandeng.domain.session.SessionToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the cookie parser (SEC-11): whatever the Cookie headers hold, reading a cookie
 * never throws, never invents a value, never yields a session token that was not literally sent,
 * and a cookie sent twice is absent. The seeds are in {@code CookieHeaderFuzzTestInputs/}.
 */
class CookieHeaderFuzzTest {

  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
  private static final String OTHER_TOKEN = "ZZZZEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";
  private static final List<AppCookies> COOKIES =
      List.of(
          new AppCookies(false, false, Duration.ofMinutes(10)),
          new AppCookies(true, true, Duration.ofMinutes(10)));
  private static final List<String> NAMES =
      List.of(
          "mdl_session",
          "__Host-mdl_session",
          "mdl_nonce_AbCdEfGhIjKl",
          "__Host-mdl_nonce_AbCdEfGhIjKl",
          "mdl_state_AbCdEfGhIjKl",
          "__Host-mdl_state_AbCdEfGhIjKl",
          "mdl_browser",
          "__Host-mdl_browser");

  @FuzzTest(maxDuration = "60s")
  @DisplayName("SEC-32 SEC-11 fuzzed Cookie headers: no throw, no invented or duplicated cookie")
  void cookieHeaders(byte[] input) {
    HostileStrings.decodings(input).forEach(CookieHeaderFuzzTest::assertReadSafely);
  }

  @Test
  @DisplayName("SEC-32 SEC-11 20 000 generated Cookie headers: no throw, no invented cookie")
  void generatedCookieHeaders() {
    SplittableRandom random = new SplittableRandom(32L);
    HostileStrings.ATTACKS.forEach(CookieHeaderFuzzTest::assertReadSafely);
    HostileStrings.generated(32L, 20_000)
        .map(raw -> random.nextBoolean() ? raw : "mdl_session=" + raw + "; a=" + raw)
        .forEach(CookieHeaderFuzzTest::assertReadSafely);
  }

  @Test
  @DisplayName(
      "SEC-11 the in-place scan reads exactly what the original split-and-strip parser read, on"
          + " 20 000 generated headers and a soup of separators, spaces and names")
  void agreesWithTheOriginalParser() {
    SplittableRandom random = new SplittableRandom(11L);
    String[] pieces = {
      "mdl_session", "=", ";", " ", "\t", "\u00a0", "\u2003", TOKEN, "a", "==", "; ", "mdl_sessionx"
    };
    List<String> soup = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder header = new StringBuilder();
      for (int n = random.nextInt(12); n >= 0; n--) {
        header.append(pieces[random.nextInt(pieces.length)]);
      }
      soup.add(header.toString());
    }
    java.util.stream.Stream.of(
            HostileStrings.ATTACKS.stream(), HostileStrings.generated(11L, 20_000), soup.stream())
        .flatMap(stream -> stream)
        .forEach(
            raw -> {
              List<String> headers = Arrays.asList(raw.split("\n", -1));
              for (String name : List.of("mdl_session", "a", "mdl_sessionx")) {
                assertThat(CookieHeader.single(FakeContext.withCookies(headers), name))
                    .as("%s in %s", name, headers)
                    .isEqualTo(originalSingle(headers, name));
              }
            });
  }

  /** The parser as first written (split on ';', strip each side), kept as the oracle. */
  private static Optional<String> originalSingle(List<String> headers, String name) {
    List<String> found = new ArrayList<>();
    for (String header : headers) {
      for (String item : header.split(";")) {
        int eq = item.indexOf('=');
        if (eq > 0 && item.substring(0, eq).strip().equals(name)) {
          found.add(item.substring(eq + 1).strip());
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static void assertReadSafely(String raw) {
    List<List<String>> shapes = List.of(List.of(raw), Arrays.asList(raw.split("\n", -1)));
    for (List<String> headers : shapes) {
      for (String name : NAMES) {
        assertNothingInvented(
            headers, name, CookieHeader.single(FakeContext.withCookies(headers), name));
        if (headers.stream().noneMatch(header -> header.contains(name))) {
          assertPlantedCookieIsRead(headers, name);
        }
      }
      for (AppCookies cookies : COOKIES) {
        Optional<SessionToken> token = cookies.session(FakeContext.withCookies(headers));
        token.ifPresent(
            t -> {
              assertThat(TokenShape.matches(t.value())).isTrue();
              assertThat(headers).anyMatch(header -> header.contains(t.value()));
            });
      }
    }
  }

  private static void assertNothingInvented(
      List<String> headers, String name, Optional<String> value) {
    value.ifPresent(
        v -> {
          assertThat(v).as("value of %s", name).isEqualTo(v.strip()).doesNotContain(";");
          assertThat(headers)
              .as("headers holding %s=%s", name, v)
              .anyMatch(header -> header.contains(name) && header.contains(v));
        });
  }

  /** Around any junk: one cookie of ours is read exactly; the same cookie twice is no cookie. */
  private static void assertPlantedCookieIsRead(List<String> headers, String name) {
    List<String> once = new ArrayList<>(headers);
    once.set(once.size() - 1, once.get(once.size() - 1) + "; " + name + "=" + TOKEN);
    assertThat(CookieHeader.single(FakeContext.withCookies(once), name)).contains(TOKEN);

    List<String> twice = new ArrayList<>(once);
    twice.add(name + "=" + OTHER_TOKEN);
    assertThat(CookieHeader.single(FakeContext.withCookies(twice), name)).isEmpty();
  }
}
