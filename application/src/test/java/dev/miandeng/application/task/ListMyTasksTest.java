package dev.miandeng.application.task;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.persistence.memory.DisabledUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUserTokens;
import dev.miandeng.adapter.persistence.memory.InMemoryUsers;
import dev.miandeng.application.task.ListMyTasksUseCase.ConsentNeeded;
import dev.miandeng.application.task.ListMyTasksUseCase.Tasks;
import dev.miandeng.application.task.ListMyTasksUseCase.TokensNotKept;
import dev.miandeng.application.token.ObtainUserAccessTokenService;
import dev.miandeng.domain.fakes.RotatingRefresher;
import dev.miandeng.domain.fakes.ScriptedMyTasks;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.token.AccessTokenRejectedException;
import dev.miandeng.domain.token.ScopeNotGrantedException;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which scopes the user is asked for, and that outages keep the grant. */
class ListMyTasksTest {

  private static final String READ = ScriptedMyTasks.SCOPE;

  private final MutableClock clock = new MutableClock();
  private final InMemoryUserTokens tokens = new InMemoryUserTokens();
  private final RotatingRefresher upstream = new RotatingRefresher(clock, Duration.ZERO);
  private final ScriptedMyTasks myTasks = new ScriptedMyTasks();
  private final ListMyTasksService service =
      new ListMyTasksService(new ObtainUserAccessTokenService(tokens, upstream, clock), myTasks);
  private final UserId alice =
      new InMemoryUsers().recordLogin(alice(), profileOf("alice"), clock.instant()).id();

  private static final Task REPORT =
      new Task(
          "guid-1", "Write the report", Optional.of(Instant.parse("2026-12-01T00:00:00Z")), false);

  @Test
  void withoutAGrantTheUserIsAskedForThePortsScopesAndOfflineAccessAndNoCallIsMade() {
    assertThat(service.list(alice)).isEqualTo(new ConsentNeeded(Set.of(READ, "offline_access")));
    assertThat(myTasks.tokensSeen()).isEmpty();
  }

  @Test
  void aVaultThatKeepsNoGrantsSaysSoAndNeverAsksForAConsentItWouldDrop() {
    DisabledUserTokens off = new DisabledUserTokens();
    ListMyTasksService withoutVault =
        new ListMyTasksService(new ObtainUserAccessTokenService(off, upstream, clock), myTasks);
    off.save(alice, Grants.issued("consented", clock.instant()));

    assertThat(withoutVault.list(alice)).isEqualTo(new TokensNotKept());
    assertThat(myTasks.tokensSeen()).isEmpty();
    assertThat(upstream.calls()).isZero();
  }

  @Test
  void withAGrantTheTasksAreReadWithTheUsersOwnToken() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.answer(List.of(REPORT));

    assertThat(service.list(alice)).isEqualTo(new Tasks(List.of(REPORT)));
    assertThat(myTasks.tokensSeen()).containsExactly("u-login");
  }

  @Test
  void noTasksIsAnEmptyListNotAFailure() {
    tokens.save(alice, Grants.issued("login", clock.instant()));

    assertThat(service.list(alice)).isEqualTo(new Tasks(List.of()));
  }

  @Test
  void aScopeNotGrantedAsksOnlyForTheLeastPrivilegedOfTheNamedScopesThePortNeeds() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.fail(() -> new ScopeNotGrantedException(Set.of("task:task:write", READ)));

    assertThat(service.list(alice)).isEqualTo(new ConsentNeeded(Set.of(READ, "offline_access")));
    assertThat(tokens.find(alice)).isPresent();
  }

  @Test
  void scopesThePortDoesNotKnowAreAskedForAsFeishuNamedThem() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.fail(() -> new ScopeNotGrantedException(Set.of("task:tasklist:read")));

    assertThat(service.list(alice))
        .isEqualTo(new ConsentNeeded(Set.of("task:tasklist:read", "offline_access")));
  }

  @Test
  void aRefusalThatNamesNoScopeAsksForThePortsScopes() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.fail(() -> new ScopeNotGrantedException(Set.of()));

    assertThat(service.list(alice)).isEqualTo(new ConsentNeeded(Set.of(READ, "offline_access")));
  }

  @Test
  void aRejectedAccessTokenAsksForConsentWithoutARefresh() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.fail(() -> new AccessTokenRejectedException("99991668"));

    assertThat(service.list(alice)).isEqualTo(new ConsentNeeded(Set.of(READ, "offline_access")));
    assertThat(upstream.calls()).isZero();
  }

  @Test
  @DisplayName("REL-06: an outage during the refresh reaches the caller and the grant stays intact")
  void anOutageDuringTheRefreshKeepsTheGrant() {
    tokens.save(alice, Grants.expiringAt("old", clock.instant().plusSeconds(60)));
    upstream.failWith(new AuthCenterUnavailableException("down", null));

    assertThatThrownBy(() -> service.list(alice))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(tokens.find(alice)).map(StoredGrant::version).contains(1L);
    assertThat(tokens.find(alice).orElseThrow().grant().accessToken()).isEqualTo("u-old");
    assertThat(myTasks.tokensSeen()).isEmpty();
  }

  @Test
  void anOutageOfTheCallItselfReachesTheCallerAndKeepsTheGrant() {
    tokens.save(alice, Grants.issued("login", clock.instant()));
    myTasks.fail(() -> new AuthCenterUnavailableException("502", null));

    assertThatThrownBy(() -> service.list(alice))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(tokens.find(alice)).isPresent();
  }

  @Test
  void aTokenInItsLastMinutesIsRefreshedBeforeTheCall() {
    tokens.save(alice, Grants.expiringAt("old", clock.instant().plusSeconds(60)));

    assertThat(service.list(alice)).isEqualTo(new Tasks(List.of()));
    assertThat(myTasks.tokensSeen()).containsExactly("u-r1");
  }
}
