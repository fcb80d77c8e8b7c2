package dev.miandeng.application.session;

/** Driving port: housekeeping that drops expired sessions and pending logins. */
public interface SweepExpiredUseCase {

  /** Returns how many rows went; throws nothing, so a scheduler can call it blindly. */
  Result sweep();

  sealed interface Result {}

  record Swept(int sessions, int pendingLogins) implements Result {}

  record StoreUnavailable() implements Result {}
}
