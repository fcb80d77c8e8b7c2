package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link Sessions} in a map. Lost on restart, and not shared between instances. */
public final class InMemorySessions implements Sessions {

  private final ConcurrentMap<SessionTokenHash, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public void save(Session session) {
    sessions.put(session.id(), session);
  }

  @Override
  public Optional<Session> find(SessionTokenHash id) {
    return Optional.ofNullable(sessions.get(id));
  }

  @Override
  public void touch(SessionTokenHash id, Instant lastSeenAt) {
    sessions.computeIfPresent(
        id, (key, s) -> lastSeenAt.isAfter(s.lastSeenAt()) ? s.touchedAt(lastSeenAt) : s);
  }

  @Override
  public void delete(SessionTokenHash id) {
    sessions.remove(id);
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return removeIf(s -> s.userId().equals(userId));
  }

  @Override
  public int deleteExpired(Instant now, SessionPolicy policy) {
    return removeIf(s -> !s.isValidAt(now, policy));
  }

  private int removeIf(java.util.function.Predicate<Session> doomed) {
    int removed = 0;
    for (Session s : sessions.values()) {
      if (doomed.test(s) && sessions.remove(s.id(), s)) {
        removed++;
      }
    }
    return removed;
  }
}
