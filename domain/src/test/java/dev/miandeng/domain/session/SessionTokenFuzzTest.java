package dev.miandeng.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miandeng.domain.fixtures.HostileStrings;
import dev.miandeng.domain.fixtures.TokenShape;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the session token parser (SEC-11): a cookie value is a token exactly when it
 * has a token's shape, and reading it never throws. The seeds are in {@code
 * SessionTokenFuzzTestInputs/}.
 */
class SessionTokenFuzzTest {

  @FuzzTest(maxDuration = "60s")
  @DisplayName("SEC-32 SEC-11 fuzzed session tokens: never throws, present only for 43 base64url")
  void parse(byte[] input) {
    HostileStrings.decodings(input).forEach(SessionTokenFuzzTest::assertParsedExactly);
  }

  @Test
  @DisplayName("SEC-32 SEC-11 20 000 generated session tokens: present only for 43 base64url")
  void generatedSessionTokens() {
    HostileStrings.tokenCandidates(32L).forEach(SessionTokenFuzzTest::assertParsedExactly);
  }

  private static void assertParsedExactly(String raw) {
    Optional<SessionToken> token = SessionToken.parse(raw);
    assertThat(token.isPresent()).as("parsed %s", raw).isEqualTo(TokenShape.matches(raw));
    token.ifPresent(
        t -> {
          assertThat(t.value()).isEqualTo(raw).hasSize(43);
          assertThat(new SessionToken(t.value())).isEqualTo(t);
          assertThat(t.hash().hex()).hasSize(64);
        });
  }
}
