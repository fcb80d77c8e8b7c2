package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.token.AccessTokenRejectedException;
import dev.miandeng.domain.token.ScopeNotGrantedException;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatedEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FeishuMyTasks} against a started {@link FeishuSimulator}: the user's tasks with a token
 * that carries the task scope, the 99991679 answer mapped to the scopes it names, a token Feishu
 * refuses, and outages.
 */
class FeishuMyTasksSimulatorTest {

  private static final String ZHANGSAN = "ou_sim_zhangsan";
  private static final String ALICE = "ou_sim_alice";

  @RegisterExtension static final OnSimulator SIMULATOR = new OnSimulator();

  private FeishuIdentityLookup lookup;
  private FeishuMyTasks tasks;

  @BeforeEach
  void newAdapter() {
    FeishuSettings settings = SIMULATOR.settings("http://127.0.0.1/callback");
    lookup = FeishuIdentityLookup.create(settings, Clock.systemUTC(), duration -> {});
    tasks = FeishuMyTasks.create(settings, FeishuMetrics.none(), duration -> {});
  }

  /** A user access token of {@code openId} for a login that asked for {@code scope}. */
  private String tokenOf(String openId, String scope) {
    String code =
        SIMULATOR.sim().control().issueCode(openId, CodeKind.REQUEST_ACCESS, null, null, scope);
    return lookup
        .identify(new CodeGrant.FromClient(new AuthorizationCode(code)))
        .grant()
        .orElseThrow()
        .accessToken();
  }

  @Test
  void theUsersOwnTasksWithTitleDueDateAndState() {
    List<Task> mine = tasks.list(tokenOf(ZHANGSAN, "offline_access task:task:read"));

    assertThat(mine).hasSize(3);
    assertThat(mine.getFirst().summary()).isEqualTo("写年中总结");
    assertThat(mine.getFirst().due()).contains(Instant.parse("2026-12-08T00:00:00Z"));
    assertThat(mine.getFirst().completed()).isFalse();
    assertThat(mine.get(1).due()).isEmpty();
    assertThat(mine.get(2).completed()).isTrue();
  }

  @Test
  void aUserWithoutTasksGetsAnEmptyList() {
    assertThat(tasks.list(tokenOf(ALICE, "offline_access task:task:read"))).isEmpty();
  }

  @Test
  @DisplayName("99991679 is ScopeNotGranted naming the scopes of error.permission_violations")
  void aTokenWithoutTheTaskScopeNamesTheMissingScopes() {
    String token = tokenOf(ZHANGSAN, "offline_access");

    assertThatThrownBy(() -> tasks.list(token))
        .isInstanceOfSatisfying(
            ScopeNotGrantedException.class,
            missing ->
                assertThat(missing.anyOf())
                    .containsExactlyInAnyOrder("task:task:read", "task:task:write"));
    assertThat(tasks.scopes()).containsExactly("task:task:read");
  }

  @Test
  @DisplayName("99991668: a token Feishu does not know is AccessTokenRejected")
  void anUnknownTokenIsRejected() {
    assertThatThrownBy(() -> tasks.list("u-not-issued"))
        .isInstanceOf(AccessTokenRejectedException.class);
  }

  @Test
  @DisplayName("REL-03: the auth center down is unavailable, a 5xx is retried, then it works again")
  void outagesAreUnavailableAndRecovery() {
    String token = tokenOf(ZHANGSAN, "offline_access task:task:read");
    SIMULATOR.sim().control().down(true);
    assertThatThrownBy(() -> tasks.list(token)).isInstanceOf(AuthCenterUnavailableException.class);
    SIMULATOR.sim().control().down(false);

    int before = SIMULATOR.sim().control().count(SimulatedEndpoint.TASKS);
    SIMULATOR.sim().control().failNext(SimulatedEndpoint.TASKS, 1, 503, 1470500);
    assertThat(tasks.list(token)).hasSize(3);
    assertThat(SIMULATOR.sim().control().count(SimulatedEndpoint.TASKS)).isEqualTo(before + 2);

    SIMULATOR.sim().control().failNext(SimulatedEndpoint.TASKS, 3, 500, 1470500);
    assertThatThrownBy(() -> tasks.list(token)).isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(tasks.list(token)).hasSize(3);
  }
}
