package dev.miandeng.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class SessionTokenTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  @DisplayName("SEC-01 a token carries 256 random bits, base64url")
  void tokensCarry256Bits() {
    SessionToken token = SessionToken.generate(RANDOM);

    assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
  }

  @Test
  @DisplayName("SEC-01 10,000 tokens are all different, and so are their hashes")
  void tokensAreUnique() {
    Set<String> tokens = new HashSet<>();
    Set<SessionTokenHash> hashes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      SessionToken token = SessionToken.generate(RANDOM);
      tokens.add(token.value());
      hashes.add(token.hash());
    }
    assertThat(tokens).hasSize(10_000);
    assertThat(hashes).hasSize(10_000);
  }

  @Test
  @DisplayName("SEC-12 the hash is the SHA-256 of the token and never contains it")
  void theHashIsSha256() {
    SessionToken token = new SessionToken("a".repeat(43));

    assertThat(token.hash().hex())
        // sha256sum of 43 times "a", computed outside Java
        .isEqualTo("66d34fba71f8f450f7e45598853e53bfc23bbd129027cbb131a2f4ffd7878cd0")
        .doesNotContain(token.value());
  }

  @Test
  @DisplayName("SEC-12 a token never prints its value")
  void toStringHidesTheValue() {
    SessionToken token = SessionToken.generate(RANDOM);

    assertThat(token.toString()).doesNotContain(token.value());
  }

  static Stream<String> malformed() {
    return Stream.of(
        "x".repeat(10_240),
        "a".repeat(42),
        "a".repeat(44),
        "a".repeat(42) + "=",
        "a".repeat(42) + "+",
        "' OR 1=1 --" + "a".repeat(32),
        "a".repeat(42) + "\u0000",
        "a".repeat(41) + "🙂",
        "a".repeat(20) + ";" + "a".repeat(22),
        // The neighbours of each allowed range, in ASCII order.
        "a".repeat(42) + "/",
        "a".repeat(42) + ":",
        "a".repeat(42) + "@",
        "a".repeat(42) + "[",
        "a".repeat(42) + "`",
        "a".repeat(42) + "{",
        "a".repeat(42) + ".",
        "a".repeat(42) + "^",
        "a".repeat(42) + "\u00e9");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @MethodSource("malformed")
  @DisplayName("SEC-11 malformed cookie values are no token at all")
  void malformedValuesParseToNothing(String raw) {
    assertThat(SessionToken.parse(raw)).isEmpty();
  }

  @Test
  void aWellFormedValueParses() {
    SessionToken token = SessionToken.generate(RANDOM);

    assertThat(SessionToken.parse(token.value())).contains(token);
  }

  @Test
  void theConstructorRejectsWhatParseRejects() {
    assertThatThrownBy(() -> new SessionToken("short"))
        .isInstanceOf(IllegalArgumentException.class);
    malformed()
        .forEach(
            raw ->
                assertThatThrownBy(() -> new SessionToken(raw))
                    .isInstanceOf(IllegalArgumentException.class));
  }

  @Test
  @DisplayName("SEC-11 every base64url character parses, at every position")
  void everyBase64UrlCharacterParses() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (char c : alphabet.toCharArray()) {
      String raw = String.valueOf(c).repeat(43);
      assertThat(SessionToken.parse(raw)).map(SessionToken::value).contains(raw);
    }
  }

  @Test
  @DisplayName("SEC-12 a stored hash is exactly 64 lowercase hex digits")
  void hashesHaveOneShape() {
    assertThat(new SessionTokenHash("0123456789abcdef".repeat(4)).hex()).hasSize(64);
    for (String bad :
        new String[] {
          "a".repeat(63),
          "a".repeat(65),
          "A".repeat(64),
          "a".repeat(63) + "g",
          "a".repeat(63) + "/",
          "a".repeat(63) + ":",
          "a".repeat(63) + "`",
          ""
        }) {
      assertThatThrownBy(() -> new SessionTokenHash(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  @DisplayName("SEC-12 hashing from many threads at once gives each token its own SHA-256")
  void hashingIsThreadSafe() throws Exception {
    SessionToken token = new SessionToken("a".repeat(43));
    String expected = "66d34fba71f8f450f7e45598853e53bfc23bbd129027cbb131a2f4ffd7878cd0";
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 200; i++) {
        results.add(threads.submit(() -> token.hash().hex()));
      }
      for (var result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    }
  }
}
