package dev.miandeng.application.task;

import dev.miandeng.domain.task.Task;
import dev.miandeng.domain.user.UserId;
import java.util.List;
import java.util.Set;

/**
 * Driving port: the logged-in user's own tasks, read from the provider as that user (the demo of an
 * OpenAPI call made with the user's access token). Outages are not results: the vault's {@link
 * dev.miandeng.domain.store.StoreUnavailableException} and the provider's {@link
 * dev.miandeng.domain.identity.AuthCenterUnavailableException} (during the token's refresh or the
 * call) reach the caller (503), with the stored grant intact; {@link
 * dev.miandeng.domain.identity.AuthCenterMisconfiguredException} too (500).
 */
public interface ListMyTasksUseCase {

  Result list(UserId userId);

  /** Every way the request can end. */
  sealed interface Result {}

  /** The tasks, possibly none; at most {@link dev.miandeng.domain.task.MyTasks#MAX_TASKS}. */
  record Tasks(List<Task> tasks) implements Result {
    public Tasks {
      tasks = List.copyOf(tasks);
    }
  }

  /**
   * The user must consent before the call can succeed: ask them for exactly {@code missingScopes}
   * (the client's {@code requestAccess} scope list, or the browser authorize URL's {@code scope}),
   * then call again once.
   *
   * @param missingScopes never empty; always holds {@code offline_access}: the consent makes a new
   *     grant that replaces the stored one, and Feishu gives a refresh token, without which no
   *     grant is kept, only when {@code offline_access} is granted
   */
  record ConsentNeeded(Set<String> missingScopes) implements Result {
    public ConsentNeeded {
      missingScopes = Set.copyOf(missingScopes);
      if (missingScopes.isEmpty()) {
        throw new IllegalArgumentException("a consent asks for at least one scope");
      }
    }
  }

  /**
   * This server keeps no user tokens (its vault is off: no {@code MIANDENG_TOKEN_KEY}), so it can
   * never read the tasks as the user; asking for consent would not help. Only the operator can
   * change it.
   */
  record TokensNotKept() implements Result {}
}
