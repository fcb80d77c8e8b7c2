package dev.miandeng.domain.task;

import java.util.List;
import java.util.Set;

/**
 * Driven port: the tasks of the user whose access token is given, read as that user (an OpenAPI
 * call with the user's own token, not the app's). The demo of "calling OpenAPI as the user": it
 * needs a scope beyond identity, so a user who has not granted it is asked for it (incremental
 * consent).
 */
public interface MyTasks {

  /** At most this many tasks are read: one page, enough for a card on the profile. */
  int MAX_TASKS = 50;

  /**
   * The scopes the user must have granted for {@link #list} to succeed, the least privileged that
   * suffice; the ones the page asks for when no grant is held yet. Constant for an adapter.
   */
  Set<String> scopes();

  /**
   * The user's own tasks, in the provider's order, at most {@link #MAX_TASKS}.
   *
   * @param userAccessToken the user's OAuth access token, sent as a bearer token; never logged
   * @throws dev.miandeng.domain.token.ScopeNotGrantedException the user has not granted a scope the
   *     call needs; the exception names the scopes
   * @throws dev.miandeng.domain.token.AccessTokenRejectedException the provider says the token is
   *     invalid or expired (revoked, or issued for another app)
   * @throws dev.miandeng.domain.identity.AuthCenterUnavailableException the provider could not be
   *     reached or failed (network, timeout, 5xx, rate limit)
   * @throws dev.miandeng.domain.identity.AuthCenterMisconfiguredException the app's settings are
   *     wrong (the scope is not enabled for the app, an unknown answer)
   */
  List<Task> list(String userAccessToken);
}
