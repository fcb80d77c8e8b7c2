package dev.miandeng.adapter.persistence.crypto;

import static dev.miandeng.adapter.persistence.crypto.TokenKeyRingTest.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TOKEN = "u-g1047abcd.EFGH-令牌";

  private final String oldKey = newKey();
  private final String newKey = newKey();
  private final TokenCipher before = cipher("old:" + oldKey);
  private final TokenCipher after = cipher("new:" + newKey + ",old:" + oldKey);

  private static TokenCipher cipher(String ring) {
    return new TokenCipher(TokenKeyRing.parse(ring), RANDOM);
  }

  @Test
  @DisplayName("SEC-23 a sealed token opens to itself, and its text shows nothing of it")
  void sealThenOpen() throws Exception {
    SealedToken sealed = before.seal(TOKEN, "ctx");

    assertThat(sealed.keyId()).isEqualTo("old");
    assertThat(sealed.text()).doesNotContain("g1047").doesNotContain("abcd");
    assertThat(new String(Base64.getDecoder().decode(sealed.text()), "ISO-8859-1"))
        .doesNotContain("g1047");
    assertThat(before.open(sealed, "ctx")).isEqualTo(TOKEN);
  }

  @Test
  void everySealUsesAFreshIv() {
    String one = before.seal(TOKEN, "ctx").text();
    String two = before.seal(TOKEN, "ctx").text();

    assertThat(Arrays.copyOf(Base64.getDecoder().decode(one), 12))
        .as("the IVs")
        .isNotEqualTo(Arrays.copyOf(Base64.getDecoder().decode(two), 12));
  }

  @Test
  @DisplayName("SEC-23 key rotation: new seals use the new key, old seals still open")
  void rotation() throws Exception {
    SealedToken old = before.seal(TOKEN, "ctx");

    SealedToken fresh = after.seal(TOKEN, "ctx");

    assertThat(fresh.keyId()).isEqualTo("new");
    assertThat(after.open(old, "ctx")).isEqualTo(TOKEN);
    assertThat(after.open(fresh, "ctx")).isEqualTo(TOKEN);
  }

  @Test
  void aValueWhoseKeyLeftTheRingIsUnreadableAsKeyGone() {
    SealedToken old = before.seal(TOKEN, "ctx");
    TokenCipher withoutOld = cipher("new:" + newKey);

    assertThatThrownBy(() -> withoutOld.open(old, "ctx"))
        .isInstanceOfSatisfying(
            TokenUnreadableException.class, e -> assertThat(e.keyGone()).isTrue())
        .hasMessageContaining("'old'");
  }

  @Test
  @DisplayName("SEC-23 another context, an altered value or another key of the same id fail")
  void integrityFailures() {
    SealedToken sealed = before.seal(TOKEN, "alice/access");
    byte[] bytes = Base64.getDecoder().decode(sealed.text());
    bytes[bytes.length - 1] ^= 1;
    SealedToken altered = new SealedToken("old", Base64.getEncoder().encodeToString(bytes));
    TokenCipher sameIdOtherKey = cipher("old:" + newKey);

    for (var attempt :
        List.<ThrowingCallable>of(
            () -> before.open(sealed, "bob/access"),
            () -> before.open(altered, "alice/access"),
            () -> sameIdOtherKey.open(sealed, "alice/access"),
            () -> before.open(new SealedToken("old", "not base64!"), "alice/access"),
            () -> before.open(new SealedToken("old", "AAAA"), "alice/access"))) {
      assertThatThrownBy(attempt)
          .isInstanceOfSatisfying(
              TokenUnreadableException.class, e -> assertThat(e.keyGone()).isFalse())
          .hasMessageNotContaining("g1047");
    }
  }
}
