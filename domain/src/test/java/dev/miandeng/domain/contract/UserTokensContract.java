package dev.miandeng.domain.contract;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.bob;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserTokens} implementation must do. Grants belong to users, so the contract
 * also asks for the {@link Users} store beside it (stores may link them), and for a second instance
 * of the vault on the same data, as another app instance would hold it.
 */
public abstract class UserTokensContract {

  protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /** The vault for this test: empty, the same instance on every call within one test. */
  protected abstract UserTokens tokens();

  /** Another instance of the vault on the same data (another pool on the same database). */
  protected abstract UserTokens sameStoreElsewhere();

  /** The users store beside it. */
  protected abstract Users users();

  protected final UserId userOf(Identity identity) {
    return users().recordLogin(identity, profileOf(identity.openId()), T0).id();
  }

  @Test
  void aVaultThatKeepsGrantsSaysSo() {
    assertThat(tokens().keepsGrants()).isTrue();
  }

  @Test
  void aSavedGrantIsFoundAsVersionOne() {
    UserId alice = userOf(alice());
    UserGrant grant = Grants.issued("a1", T0);

    tokens().save(alice, grant);

    assertThat(tokens().find(alice)).contains(new StoredGrant(grant, 1));
    assertThat(sameStoreElsewhere().find(alice)).contains(new StoredGrant(grant, 1));
  }

  @Test
  void aUserWithoutAGrantFindsNothing() {
    assertThat(tokens().find(userOf(alice()))).isEmpty();
  }

  @Test
  void aNewLoginReplacesTheGrantAndCountsTheVersionOn() {
    UserId alice = userOf(alice());
    tokens().save(alice, Grants.issued("a1", T0));
    UserGrant second = Grants.issued("a2", T0.plusSeconds(60));

    tokens().save(alice, second);

    assertThat(tokens().find(alice)).contains(new StoredGrant(second, 2));
  }

  @Test
  @DisplayName("SEC-23 tokens of 8 KB and more, and any scope set, come back unchanged")
  void longTokensAndScopesRoundTrip() {
    UserId alice = userOf(alice());
    UserGrant jwtSized =
        new UserGrant(
            "u-" + randomText(12_000),
            T0.plusSeconds(7200),
            "ur-" + randomText(9_000),
            T0.plusSeconds(86_400),
            Set.of("offline_access", "calendar:calendar:readonly", "contact:user.email:readonly"));
    UserGrant noScopes =
        new UserGrant("u-x", T0.plusSeconds(1), "ur-x", T0.plusSeconds(2), Set.of());
    UserId bob = userOf(bob());

    tokens().save(alice, jwtSized);
    tokens().save(bob, noScopes);

    assertThat(tokens().find(alice).map(StoredGrant::grant)).contains(jwtSized);
    assertThat(tokens().find(bob).map(StoredGrant::grant)).contains(noScopes);
  }

  @Test
  @DisplayName("SEC-10 log out everywhere deletes the user's grant and leaves other users' alone")
  void deleteAllOfOneUser() {
    UserId alice = userOf(alice());
    UserId bob = userOf(bob());
    tokens().save(alice, Grants.issued("a1", T0));
    UserGrant bobs = Grants.issued("b1", T0);
    tokens().save(bob, bobs);

    assertThat(tokens().deleteAllOf(alice)).isEqualTo(1);

    assertThat(tokens().find(alice)).isEmpty();
    assertThat(sameStoreElsewhere().find(alice)).isEmpty();
    assertThat(tokens().find(bob)).contains(new StoredGrant(bobs, 1));
    assertThat(tokens().deleteAllOf(alice)).isZero();
  }

  @Test
  void aReplacingChangeStoresTheNextGrantAsTheNextVersion() {
    UserId alice = userOf(alice());
    tokens().save(alice, Grants.issued("a1", T0));
    UserGrant next = Grants.issued("a2", T0.plusSeconds(3600));
    AtomicReference<StoredGrant> seen = new AtomicReference<>();

    Optional<StoredGrant> after =
        tokens()
            .changeExclusively(
                alice,
                current -> {
                  seen.set(current);
                  return new GrantChange.Replace(next);
                });

    assertThat(seen.get()).isEqualTo(new StoredGrant(Grants.issued("a1", T0), 1));
    assertThat(after).contains(new StoredGrant(next, 2));
    assertThat(sameStoreElsewhere().find(alice)).contains(new StoredGrant(next, 2));
  }

  @Test
  void aKeepingChangeLeavesTheGrantAsItIs() {
    UserId alice = userOf(alice());
    tokens().save(alice, Grants.issued("a1", T0));

    Optional<StoredGrant> after = tokens().changeExclusively(alice, c -> new GrantChange.Keep());

    assertThat(after).contains(new StoredGrant(Grants.issued("a1", T0), 1));
    assertThat(tokens().find(alice)).isEqualTo(after);
  }

  @Test
  void anEndingChangeDeletesTheGrant() {
    UserId alice = userOf(alice());
    tokens().save(alice, Grants.issued("a1", T0));

    Optional<StoredGrant> after = tokens().changeExclusively(alice, c -> new GrantChange.End());

    assertThat(after).isEmpty();
    assertThat(tokens().find(alice)).isEmpty();
  }

  @Test
  void withoutAGrantTheDecisionIsNotAsked() {
    UserId alice = userOf(alice());
    AtomicInteger asked = new AtomicInteger();

    Optional<StoredGrant> after =
        tokens()
            .changeExclusively(
                alice,
                c -> {
                  asked.incrementAndGet();
                  return new GrantChange.Replace(Grants.issued("a2", T0));
                });

    assertThat(after).isEmpty();
    assertThat(asked).hasValue(0);
    assertThat(tokens().find(alice)).isEmpty();
  }

  @Test
  @DisplayName("REL-06 a decision that fails (an outage during refresh) leaves the grant intact")
  void aFailingDecisionLeavesTheGrantIntact() {
    UserId alice = userOf(alice());
    UserGrant grant = Grants.issued("a1", T0);
    tokens().save(alice, grant);
    IllegalStateException outage = new IllegalStateException("auth center down");

    assertThatThrownBy(
            () ->
                tokens()
                    .changeExclusively(
                        alice,
                        c -> {
                          throw outage;
                        }))
        .isSameAs(outage);

    assertThat(tokens().find(alice)).contains(new StoredGrant(grant, 1));
    assertThat(tokens().changeExclusively(alice, c -> new GrantChange.Keep()))
        .as("the hold was released")
        .contains(new StoredGrant(grant, 1));
  }

  @Test
  @DisplayName(
      "SEC-24 REL-06 concurrent changes of one grant from two instances run one at a time:"
          + " one rotation, every caller sees it")
  void changesOfOneGrantRunOneAtATimeAcrossInstances() throws Exception {
    UserId alice = userOf(alice());
    tokens().save(alice, Grants.issued("a1", T0));
    UserGrant rotated = Grants.issued("a2", T0.plusSeconds(3600));
    AtomicInteger callers = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger rotations = new AtomicInteger();

    List<Optional<StoredGrant>> results =
        Concurrently.run(
            8,
            () -> {
              UserTokens store =
                  callers.incrementAndGet() % 2 == 0 ? tokens() : sameStoreElsewhere();
              return store.changeExclusively(
                  alice,
                  current -> {
                    if (inside.incrementAndGet() > 1) {
                      overlaps.incrementAndGet();
                    }
                    try {
                      if (current.version() != 1) {
                        return new GrantChange.Keep();
                      }
                      rotations.incrementAndGet();
                      // Widens the window in which a second caller would slip in if the hold
                      // did not exclude it (no timing is asserted).
                      Thread.sleep(100);
                      return new GrantChange.Replace(rotated);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IllegalStateException(e);
                    } finally {
                      inside.decrementAndGet();
                    }
                  });
            });

    assertThat(overlaps).as("decisions that ran at the same time").hasValue(0);
    assertThat(rotations).hasValue(1);
    assertThat(results).containsOnly(Optional.of(new StoredGrant(rotated, 2)));
  }

  private static String randomText(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
