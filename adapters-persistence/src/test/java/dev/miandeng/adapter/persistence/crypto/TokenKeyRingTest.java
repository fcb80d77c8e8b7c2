package dev.miandeng.adapter.persistence.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenKeyRingTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  static String newKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void aSingleKeyWithoutAnIdIsTheDefaultKey() {
    TokenKeyRing ring = TokenKeyRing.parse(newKey() + "\n");

    assertThat(ring.currentKeyId()).isEqualTo(TokenKeyRing.DEFAULT_KEY_ID);
    assertThat(ring.keyIds()).containsExactly("default");
  }

  @Test
  void theFirstOfSeveralKeysIsCurrentAndCommasOrLineBreaksSeparateThem() {
    TokenKeyRing ring =
        TokenKeyRing.parse(
            "2026-06:" + newKey() + ", 2026-01:" + newKey() + "\n default:" + newKey());

    assertThat(ring.currentKeyId()).isEqualTo("2026-06");
    assertThat(ring.keyIds()).containsExactly("2026-06", "2026-01", "default");
  }

  @Test
  @DisplayName("SEC-23 malformed key text is refused with messages that never quote a key")
  void malformedTextIsRefusedWithoutQuotingKeys() {
    String key = newKey();
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> TokenKeyRing.parse("  ")).hasMessageContaining("no token key");
    assertThatThrownBy(() -> TokenKeyRing.parse("a:" + key + "," + key))
        .hasMessageContaining("entry 2 has no id")
        .hasMessageNotContaining(key);
    assertThatThrownBy(() -> TokenKeyRing.parse("a:" + key + ",a:" + newKey()))
        .hasMessageContaining("'a' is given twice");
    assertThatThrownBy(() -> TokenKeyRing.parse("bad/id:" + key))
        .hasMessageContaining("the id must be");
    assertThatThrownBy(() -> TokenKeyRing.parse("k:" + shortKey))
        .hasMessageContaining("must be 32 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> TokenKeyRing.parse("k:" + key.substring(0, 20) + "%%%%"))
        .hasMessageContaining("is not base64")
        .hasMessageNotContaining(key.substring(0, 20))
        .hasNoCause();
  }

  @Test
  @DisplayName("SEC-23 the ring prints its ids, never its keys")
  void toStringMasksTheKeys() {
    String key = newKey();

    String printed = TokenKeyRing.parse("now:" + key).toString();

    assertThat(printed).contains("now").doesNotContain(key).doesNotContain(key.substring(0, 8));
  }

  @Test
  void anEphemeralRingHasOneFreshKeyUnderARandomId() {
    TokenKeyRing one = TokenKeyRing.ephemeral(RANDOM);
    TokenKeyRing two = TokenKeyRing.ephemeral(RANDOM);

    assertThat(one.currentKeyId()).matches("ephemeral-[0-9a-f]{8}");
    assertThat(one.currentKeyId()).isNotEqualTo(two.currentKeyId());
    assertThat(one.currentKey().getEncoded())
        .hasSize(32)
        .isNotEqualTo(two.currentKey().getEncoded());
  }
}
