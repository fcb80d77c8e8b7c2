package dev.miandeng.domain.session;

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
    assertThat(session.isValidAt(T0.plus(Duration.ofMinutes(30)).minusMillis(1), POLICY)).isTrue();
    assertThat(session.isValidAt(T0.plus(Duration.ofMinutes(30)), POLICY)).isFalse();
  }

  @Test
  @DisplayName("SEC-08 a session is over after the absolute lifetime, however busy")
  void absoluteLifetime() {
    Session busy = session.touchedAt(T0.plus(Duration.ofHours(12)).minusSeconds(1));

    assertThat(busy.isValidAt(T0.plus(Duration.ofHours(12)).minusMillis(1), POLICY)).isTrue();
    assertThat(busy.isValidAt(T0.plus(Duration.ofHours(12)), POLICY)).isFalse();
  }

  @Test
  @DisplayName("REL-09 last seen needs writing only once per interval")
  void touchInterval() {
    assertThat(session.needsTouchAt(T0.plusSeconds(59), POLICY)).isFalse();
    assertThat(session.needsTouchAt(T0.plusSeconds(60), POLICY)).isTrue();
  }
}
