package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * {@link Sessions} in a map. Lost on restart, and not shared between instances; there is no cache,
 * so {@link #findFresh} answers as {@link #find}.
 */
public final class InMemorySessions implements Sessions {

  /** A session and the instant until which it is kept. */
  private record Kept(Session session, Instant keepUntil) {}

  private final ConcurrentMap<SessionTokenHash, Kept> sessions = new ConcurrentHashMap<>();

  @Override
  public void save(Session session, Instant keepUntil) {
    sessions.put(session.id(), new Kept(session, keepUntil));
  }

  @Override
  public Optional<Session> find(SessionTokenHash id) {
    return Optional.ofNullable(sessions.get(id)).map(Kept::session);
  }

  @Override
  public Optional<Session> findFresh(SessionTokenHash id) {
    return find(id);
  }

  @Override
  public void touch(SessionTokenHash id, Instant lastSeenAt, Instant keepUntil) {
    sessions.computeIfPresent(
        id,
        (key, kept) ->
            lastSeenAt.isAfter(kept.session().lastSeenAt())
                ? new Kept(kept.session().touchedAt(lastSeenAt), keepUntil)
                : kept);
  }

  @Override
  public void delete(SessionTokenHash id) {
    sessions.remove(id);
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return removeIf(kept -> kept.session().userId().equals(userId));
  }

  @Override
  public int deleteExpired(Instant now) {
    return removeIf(kept -> !now.isBefore(kept.keepUntil()));
  }

  private int removeIf(Predicate<Kept> doomed) {
    int removed = 0;
    for (Kept kept : sessions.values()) {
      if (doomed.test(kept) && sessions.remove(kept.session().id(), kept)) {
        removed++;
      }
    }
    return removed;
  }
}
