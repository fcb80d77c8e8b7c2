package dev.miandeng.application.session;

/** Driving port: housekeeping that drops expired sessions and pending logins. */
public interface SweepExpiredUseCase {

  /**
   * @return how many rows went
   * @throws dev.miandeng.domain.store.StoreUnavailableException a store cannot be reached; the
   *     scheduler skips this run, the next one catches up
   */
  Swept sweep();

  record Swept(int sessions, int pendingLogins) {}
}
