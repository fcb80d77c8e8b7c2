package dev.miandeng.domain.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.miandeng.domain.fixtures.HostileStrings;
import dev.miandeng.domain.fixtures.TokenShape;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the login state / nonce parser: a value from a cookie, a query or a body is a
 * state exactly when it has a state's shape, and reading it never throws. The seeds are in {@code
 * LoginStateFuzzTestInputs/}.
 */
class LoginStateFuzzTest {

  @FuzzTest(maxDuration = "60s")
  @DisplayName("SEC-32 fuzzed login states: never throws, present only for 43 base64url chars")
  void parse(byte[] input) {
    HostileStrings.decodings(input).forEach(LoginStateFuzzTest::assertParsedExactly);
  }

  @Test
  @DisplayName("SEC-32 20 000 generated login states: present only for 43 base64url chars")
  void generatedLoginStates() {
    HostileStrings.tokenCandidates(32L).forEach(LoginStateFuzzTest::assertParsedExactly);
  }

  private static void assertParsedExactly(String raw) {
    Optional<LoginState> state = LoginState.parse(raw);
    assertThat(state.isPresent()).as("parsed %s", raw).isEqualTo(TokenShape.matches(raw));
    state.ifPresent(
        s -> {
          assertThat(s.value()).isEqualTo(raw).hasSize(43);
          assertThat(new LoginState(s.value())).isEqualTo(s);
        });
  }
}
