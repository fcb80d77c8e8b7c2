package dev.miandeng.application.session;

import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Drops expired rows so the stores stay small; correctness never depends on it (expiry is checked).
 */
public final class SweepExpiredService implements SweepExpiredUseCase {

  private final Sessions sessions;
  private final LoginStates loginStates;
  private final SessionPolicy policy;
  private final Clock clock;

  public SweepExpiredService(
      Sessions sessions, LoginStates loginStates, SessionPolicy policy, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Swept sweep() {
    Instant now = clock.instant();
    return new Swept(sessions.deleteExpired(now, policy), loginStates.deleteExpired(now));
  }
}
