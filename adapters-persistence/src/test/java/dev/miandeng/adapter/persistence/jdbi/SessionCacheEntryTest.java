package dev.miandeng.adapter.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The compact form in which {@link JdbiSessions} caches a session, and its way back. */
class SessionCacheEntryTest {

  private static final SessionTokenHash ID =
      new SessionTokenHash("0123456789abcdef00ff00ff00ff00fffedcba9876543210ffffffffffffffff");

  @Test
  @DisplayName("the cache key holds the whole token hash: it turns back into the same hash")
  void keyRoundTrip() {
    JdbiSessions.Key key = JdbiSessions.Key.of(ID);

    assertThat(key.hash()).isEqualTo(ID);
    assertThat(key).isEqualTo(JdbiSessions.Key.of(new SessionTokenHash(ID.hex())));
    assertThat(key)
        .isNotEqualTo(
            JdbiSessions.Key.of(
                new SessionTokenHash(
                    "0123456789abcdef00ff00ff00ff00fffedcba9876543210fffffffffffffffe")));
  }

  @Test
  @DisplayName("a cached session comes back as a re-read would: instants cut to microseconds")
  void entryRoundTrip() {
    UserId user = new UserId(UUID.randomUUID());
    Session session =
        new Session(
            ID,
            user,
            Instant.parse("2026-01-05T09:00:00.123456789Z"),
            Instant.parse("2026-01-05T09:10:00.000000999Z"),
            Instant.parse("2026-01-06T09:00:00Z"));

    Session back = JdbiSessions.Entry.of(session).session(ID);

    assertThat(back)
        .isEqualTo(
            new Session(
                ID,
                user,
                JdbiFactory.stored(session.createdAt()),
                JdbiFactory.stored(session.lastSeenAt()),
                JdbiFactory.stored(session.expiresAt())));
    assertThat(back.userId()).isSameAs(user);
  }

  @Test
  @DisplayName("instants before 1970 are cut to microseconds the same way (towards the past)")
  void beforeTheEpoch() {
    Instant early = Instant.parse("1969-12-31T23:59:59.999999500Z");

    long micros = JdbiSessions.Entry.micros(early);

    assertThat(Instant.EPOCH.plusNanos(micros * 1_000)).isEqualTo(JdbiFactory.stored(early));
  }
}
