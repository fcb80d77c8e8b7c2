package dev.miandeng.application.task;

import dev.miandeng.application.token.ObtainUserAccessTokenUseCase;
import dev.miandeng.domain.task.MyTasks;
import dev.miandeng.domain.token.AccessTokenRejectedException;
import dev.miandeng.domain.token.ScopeNotGrantedException;
import dev.miandeng.domain.user.UserId;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the user's tasks with the user's own access token ({@link ObtainUserAccessTokenUseCase}:
 * the stored grant, refreshed when it is in its last minutes) and decides which scopes to ask for
 * when it cannot:
 *
 * <ul>
 *   <li>a vault that keeps no grants: {@link ListMyTasksUseCase.TokensNotKept}, no consent (it
 *       would be dropped too);
 *   <li>no usable grant (none stored, or its refresh token was refused): the port's scopes;
 *   <li>Feishu 99991679, a scope not granted: of the scopes Feishu names (any one of which would
 *       do, e.g. {@code task:task:read} or {@code task:task:write}) those the port declares, the
 *       least privileged; all it names when it names none of them;
 *   <li>Feishu 99991668/99991677, the token itself refused: the port's scopes. No refresh is tried:
 *       the vault only hands out tokens with more than five minutes to live, so a refusal means the
 *       grant was revoked (the user or an admin withdrew the authorization), and a refresh of a
 *       revoked grant is refused too (20064) at the cost of one more call.
 * </ul>
 *
 * Each time {@code offline_access} is added (see {@link ListMyTasksUseCase.ConsentNeeded}).
 */
public final class ListMyTasksService implements ListMyTasksUseCase {

  /** The OAuth scope that makes Feishu issue a refresh token, so the grant can be kept. */
  public static final String OFFLINE_ACCESS = "offline_access";

  private final ObtainUserAccessTokenUseCase obtainUserAccessToken;
  private final MyTasks myTasks;

  public ListMyTasksService(ObtainUserAccessTokenUseCase obtainUserAccessToken, MyTasks myTasks) {
    this.obtainUserAccessToken =
        Objects.requireNonNull(obtainUserAccessToken, "obtainUserAccessToken");
    this.myTasks = Objects.requireNonNull(myTasks, "myTasks");
  }

  /**
   * The scopes a page may ask a user for on behalf of this use case: the port's and {@code
   * offline_access} (the browser login's allow-list).
   */
  public static Set<String> consentable(MyTasks myTasks) {
    Set<String> scopes = new LinkedHashSet<>(myTasks.scopes());
    scopes.add(OFFLINE_ACCESS);
    return Set.copyOf(scopes);
  }

  @Override
  public Result list(UserId userId) {
    return switch (obtainUserAccessToken.obtain(userId)) {
      case ObtainUserAccessTokenUseCase.TokensNotKept off -> new TokensNotKept();
      case ObtainUserAccessTokenUseCase.ConsentNeeded none -> consentTo(myTasks.scopes());
      case ObtainUserAccessTokenUseCase.Usable usable -> {
        try {
          yield new Tasks(myTasks.list(usable.accessToken()));
        } catch (ScopeNotGrantedException missing) {
          yield consentTo(chosen(missing.anyOf()));
        } catch (AccessTokenRejectedException rejected) {
          yield consentTo(myTasks.scopes());
        }
      }
    };
  }

  private Set<String> chosen(Set<String> anyOf) {
    Set<String> ours = new LinkedHashSet<>(anyOf);
    ours.retainAll(myTasks.scopes());
    if (!ours.isEmpty()) {
      return ours;
    }
    return anyOf.isEmpty() ? myTasks.scopes() : anyOf;
  }

  private static ConsentNeeded consentTo(Set<String> scopes) {
    Set<String> asked = new LinkedHashSet<>(scopes);
    asked.add(OFFLINE_ACCESS);
    return new ConsentNeeded(asked);
  }
}
