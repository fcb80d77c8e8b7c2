package dev.miandeng.domain.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https:evil.example",
        "https://evil.example/",
        "%2F%2Fevil.example",
        "%2f%2fevil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "/ok\r\nSet-Cookie: x=1",
        "/ok\nLocation: //evil",
        "/ok\u0000",
        "/with space",
        "evil.example/path",
        "/ok\\..\\evil",
        " /leading-space",
        "/\t/evil.example",
      })
  @DisplayName("SEC-21 anything but a same-origin relative path falls back to /")
  void unsafeReturnPathsFallBackHome(String raw) {
    assertThat(ReturnPath.parseOrHome(raw)).isEqualTo(ReturnPath.HOME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "/reports", "/reports?week=3&tab=a#top", "/a/b/c", "/%2F%2Fstill-our-path"})
  @DisplayName("SEC-21 same-origin relative paths are kept")
  void safePathsAreKept(String raw) {
    assertThat(ReturnPath.parseOrHome(raw).value()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(ints = {1025, 10_000})
  void overlongPathsFallBackHome(int length) {
    assertThat(ReturnPath.parseOrHome("/" + "a".repeat(length))).isEqualTo(ReturnPath.HOME);
  }
}
