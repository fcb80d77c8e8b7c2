package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client assertion file a sidecar signer keeps fresh (RFC 7523 section 3 checks). */
class ClientAssertionFileTest {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();

  private static String jwt(String payloadJson) {
    return URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  private String expiringIn(Duration lifetime) {
    return jwt(
        "{\"iss\":\"cli_x\",\"exp\":" + clock.instant().plus(lifetime).getEpochSecond() + "}");
  }

  @Test
  @DisplayName("the assertion is read, trimmed, and read again when the signer replaces the file")
  void readsAndRereadsOnChange() throws IOException {
    Path file = dir.resolve("assertion");
    String first = expiringIn(Duration.ofMinutes(5));
    Files.writeString(file, first + "\n");
    ClientAssertionFile source = new ClientAssertionFile(file, clock);

    assertThat(source.assertion()).isEqualTo(first);

    // The usual sidecar write: a new file renamed over the old one.
    String second = expiringIn(Duration.ofMinutes(10));
    Path next = Files.writeString(dir.resolve("assertion.tmp"), second);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    assertThat(source.assertion()).isEqualTo(second);
  }

  @Test
  @DisplayName("an assertion at or near its exp is refused: the signer has stopped")
  void expiredIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("assertion"), expiringIn(Duration.ofMinutes(2)));
    ClientAssertionFile source = new ClientAssertionFile(file, clock);
    source.assertion();

    clock.advance(Duration.ofMinutes(2).minus(ClientAssertionFile.EXPIRY_MARGIN));

    assertThatThrownBy(source::assertion)
        .isInstanceOf(AuthCenterMisconfiguredException.class)
        .hasMessageContaining("expired")
        .hasMessageContaining("FEISHU_CLIENT_ASSERTION_FILE");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        "   \n",
        "not-a-jwt",
        "a.b",
        "a..c",
        "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjbGlfeCJ9.c2ln"
      })
  @DisplayName("empty, not a compact JWT, a payload that is not JSON or has no exp: refused")
  void malformedIsRefused(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("assertion"), content);

    assertThatThrownBy(() -> new ClientAssertionFile(file, clock).assertion())
        .isInstanceOf(AuthCenterMisconfiguredException.class)
        .hasMessageContaining("FEISHU_CLIENT_ASSERTION_FILE");
  }

  @Test
  @DisplayName("SEC-25 a missing file is refused without printing any assertion")
  void missingIsRefused() {
    assertThatThrownBy(() -> new ClientAssertionFile(dir.resolve("none"), clock).assertion())
        .isInstanceOf(AuthCenterMisconfiguredException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void aFixedExpiryInThePastIsRefused() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("assertion"),
            jwt("{\"exp\":" + Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() + "}"));

    assertThatThrownBy(() -> new ClientAssertionFile(file, clock).assertion())
        .isInstanceOf(AuthCenterMisconfiguredException.class);
  }
}
