package dev.miandeng.domain.session;

import static dev.miandeng.domain.session.Session.Standing.EXPIRED;
import static dev.miandeng.domain.session.Session.Standing.NEEDS_TOUCH;
import static dev.miandeng.domain.session.Session.Standing.VALID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;
  private final Session session =
      Session.start(SessionToken.generate(new SecureRandom()).hash(), UserId.random(), T0, POLICY);

  @Test
  @DisplayName("SEC-07 a session idle for the whole timeout is over")
  void idleTimeout() {
    assertThat(session.standingAt(T0.plus(Duration.ofMinutes(30)).minusMillis(1), POLICY))
        .isNotEqualTo(EXPIRED);
    assertThat(session.standingAt(T0.plus(Duration.ofMinutes(30)), POLICY)).isEqualTo(EXPIRED);
  }

  @Test
  @DisplayName("SEC-08 a session is over after the absolute lifetime, however busy")
  void absoluteLifetime() {
    Session busy = session.touchedAt(T0.plus(Duration.ofHours(12)).minusSeconds(1));

    assertThat(busy.standingAt(T0.plus(Duration.ofHours(12)).minusMillis(1), POLICY))
        .isEqualTo(VALID);
    assertThat(busy.standingAt(T0.plus(Duration.ofHours(12)), POLICY)).isEqualTo(EXPIRED);
  }

  @Test
  @DisplayName("REL-09 last seen needs writing only once per interval")
  void touchInterval() {
    assertThat(session.standingAt(T0.plusSeconds(59), POLICY)).isEqualTo(VALID);
    assertThat(session.standingAt(T0.plusSeconds(60), POLICY)).isEqualTo(NEEDS_TOUCH);
  }

  @Test
  @DisplayName("SEC-07 SEC-08 it is kept until the idle deadline, never past the absolute end")
  void keepUntil() {
    assertThat(session.keepUntil(POLICY)).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    Instant late = T0.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(10));
    assertThat(session.touchedAt(late).keepUntil(POLICY)).isEqualTo(session.expiresAt());
  }

  @Test
  void expiredFromItsKeepUntilOn() {
    Session touched = session.touchedAt(T0.plus(Duration.ofMinutes(20)));
    Instant keepUntil = touched.keepUntil(POLICY);

    assertThat(touched.standingAt(keepUntil.minusNanos(1), POLICY)).isEqualTo(NEEDS_TOUCH);
    assertThat(touched.standingAt(keepUntil, POLICY)).isEqualTo(EXPIRED);
  }
}
