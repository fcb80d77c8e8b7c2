package dev.miandeng.adapter.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The vault without a key keeps nothing, and never asks a decision to refresh. */
class DisabledUserTokensTest {

  private final DisabledUserTokens tokens = new DisabledUserTokens();
  private final UserId alice = new UserId(UUID.randomUUID());

  @Test
  @DisplayName(
      "SEC-23 without a token key a saved grant is dropped: nothing to read, refresh or delete")
  void keepsNothing() {
    AtomicBoolean decided = new AtomicBoolean();

    tokens.save(alice, Grants.issued("a1", Instant.parse("2026-01-05T09:00:00Z")));

    assertThat(tokens.find(alice)).isEmpty();
    assertThat(
            tokens.changeExclusively(
                alice,
                current -> {
                  decided.set(true);
                  return new GrantChange.Keep();
                }))
        .isEmpty();
    assertThat(decided).isFalse();
    assertThat(tokens.deleteAllOf(alice)).isZero();
  }

  @Test
  void saysItKeepsNoGrantsSoNoConsentIsAskedForInVain() {
    assertThat(tokens.keepsGrants()).isFalse();
  }
}
