package dev.miandeng.domain.contract;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.aliceProfile;
import static dev.miandeng.domain.fixtures.People.identity;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.People;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import dev.miandeng.domain.user.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Users} implementation must do. Extend it, return a fresh, empty store from
 * {@link #users()}, and the whole contract runs against your adapter.
 */
public abstract class UsersContract {

  protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /** A store for this test: empty, and the same instance on every call within one test. */
  protected abstract Users users();

  @Test
  void firstLoginCreatesTheUser() {
    User user = users().recordLogin(alice(), aliceProfile(), T0);

    assertThat(user.identity()).isEqualTo(alice());
    assertThat(user.profile()).isEqualTo(aliceProfile());
    assertThat(user.firstLogin()).isEqualTo(T0);
    assertThat(user.lastLogin()).isEqualTo(T0);
    assertThat(users().findById(user.id())).contains(user);
  }

  @Test
  void laterLoginKeepsTheIdAndRefreshesTheProfile() {
    User first = users().recordLogin(alice(), aliceProfile(), T0);
    Profile renamed = profileOf("Alice Renamed");
    Instant later = T0.plus(Duration.ofDays(3));

    User second = users().recordLogin(alice(), renamed, later);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.profile()).isEqualTo(renamed);
    assertThat(second.firstLogin()).isEqualTo(T0);
    assertThat(second.lastLogin()).isEqualTo(later);
    assertThat(users().findById(first.id())).contains(second);
  }

  @Test
  @DisplayName(
      "SEC-22 the account key is tenant + open id: one open id in two tenants is two users")
  void accountKeyIncludesTheTenant() {
    User inAcme = users().recordLogin(identity("tenant-a", "ou_same"), profileOf("A"), T0);
    User inGlobex = users().recordLogin(identity("tenant-b", "ou_same"), profileOf("B"), T0);

    assertThat(inAcme.id()).isNotEqualTo(inGlobex.id());
  }

  @Test
  @DisplayName("SEC-22 names are stored verbatim, markup and all")
  void namesAreStoredVerbatim() {
    Profile hostile =
        new Profile(
            "<img src=x onerror=alert(1)>\"'&;--",
            "Robert'); DROP TABLE users;-- 🙂",
            "",
            Optional.empty());
    User user = users().recordLogin(People.bob(), hostile, T0);

    assertThat(users().findById(user.id()).orElseThrow().profile()).isEqualTo(hostile);
  }

  @Test
  void unknownUsersAreNotFound() {
    assertThat(users().findById(UserId.random())).isEmpty();
  }

  @Test
  @DisplayName("REL-12 twenty concurrent first logins of one person create exactly one user")
  void concurrentFirstLoginsCreateOneUser() throws Exception {
    Identity carol = identity(People.TENANT, "ou_carol");
    AtomicInteger n = new AtomicInteger();

    List<User> results =
        Concurrently.run(
            20, () -> users().recordLogin(carol, profileOf("Carol " + n.incrementAndGet()), T0));

    assertThat(results).extracting(User::id).containsOnly(results.getFirst().id());
    assertThat(users().findById(results.getFirst().id())).map(User::identity).contains(carol);
  }
}
