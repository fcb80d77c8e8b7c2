package dev.miandeng.domain.login;

import java.time.Instant;
import java.util.Optional;

/**
 * Driven port: logins that have started and not finished. All methods may throw {@link
 * dev.miandeng.domain.store.StoreUnavailableException}.
 */
public interface LoginStates {

  void save(PendingLogin login);

  /**
   * Takes the pending login out, atomically: of any number of concurrent calls with one state, at
   * most one gets it, and never after it expired. A consumed state is gone for good.
   */
  Optional<PendingLogin> consume(LoginState state, Instant now);

  /** Housekeeping: drops expired entries; returns how many. */
  int deleteExpired(Instant now);
}
