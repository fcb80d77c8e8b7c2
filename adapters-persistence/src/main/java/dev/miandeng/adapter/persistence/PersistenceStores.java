package dev.miandeng.adapter.persistence;

import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.Users;

/**
 * The three storage ports, built together because they live in one store and fail together, plus
 * what the composition root needs around them: a readiness probe and a way to release the store.
 */
public interface PersistenceStores extends AutoCloseable {

  Users users();

  Sessions sessions();

  LoginStates loginStates();

  /**
   * Whether the store answers right now; for a readiness probe (REL-08). Never throws, and returns
   * within the configured connection timeout.
   */
  boolean isReachable();

  /** Releases connections; the ports must not be used afterwards. */
  @Override
  void close();
}
