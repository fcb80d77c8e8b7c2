package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.GrantChange;
import dev.miandeng.domain.token.StoredGrant;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.UserId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link UserTokens} in a map, for tests and demos: lost on restart, not shared between instances,
 * and not encrypted (nothing is at rest). Writes of one user are serialised on a per-user monitor,
 * so a slow refresh of one user never holds up another's.
 */
public final class InMemoryUserTokens implements UserTokens {

  private final ConcurrentMap<UserId, StoredGrant> grants = new ConcurrentHashMap<>();

  /** One monitor per user ever seen: as many entries as users, like the grants themselves. */
  private final ConcurrentMap<UserId, Object> holds = new ConcurrentHashMap<>();

  @Override
  public void save(UserId userId, UserGrant grant) {
    synchronized (holdOf(userId)) {
      grants.merge(userId, new StoredGrant(grant, 1), (old, fresh) -> old.replacedBy(grant));
    }
  }

  @Override
  public Optional<StoredGrant> find(UserId userId) {
    return Optional.ofNullable(grants.get(userId));
  }

  @Override
  public Optional<StoredGrant> changeExclusively(UserId userId, GrantChange.Decision decision) {
    synchronized (holdOf(userId)) {
      StoredGrant current = grants.get(userId);
      if (current == null) {
        return Optional.empty();
      }
      return switch (decision.decide(current)) {
        case GrantChange.Keep keep -> Optional.of(current);
        case GrantChange.Replace replace -> {
          StoredGrant next = current.replacedBy(replace.next());
          grants.put(userId, next);
          yield Optional.of(next);
        }
        case GrantChange.End end -> {
          grants.remove(userId);
          yield Optional.empty();
        }
      };
    }
  }

  @Override
  public int deleteAllOf(UserId userId) {
    synchronized (holdOf(userId)) {
      return grants.remove(userId) == null ? 0 : 1;
    }
  }

  private Object holdOf(UserId userId) {
    return holds.computeIfAbsent(userId, id -> new Object());
  }
}
