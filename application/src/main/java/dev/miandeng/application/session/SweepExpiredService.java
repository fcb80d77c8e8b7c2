package dev.miandeng.application.session;

import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Drops what is past its keep-until so the stores stay small; correctness never depends on it
 * (every lookup judges the session with {@link dev.miandeng.domain.session.Session#standingAt}).
 */
public final class SweepExpiredService implements SweepExpiredUseCase {

  private final Sessions sessions;
  private final LoginStates loginStates;
  private final Clock clock;

  public SweepExpiredService(Sessions sessions, LoginStates loginStates, Clock clock) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.loginStates = Objects.requireNonNull(loginStates, "loginStates");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Swept sweep() {
    Instant now = clock.instant();
    return new Swept(sessions.deleteExpired(now), loginStates.deleteExpired(now));
  }
}
