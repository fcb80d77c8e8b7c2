package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
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
}
