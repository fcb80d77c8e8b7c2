package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.login.PendingLogin;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link LoginStates} in a map; {@code remove} makes consumption atomic and single use. */
public final class InMemoryLoginStates implements LoginStates {

  private final ConcurrentMap<LoginState, PendingLogin> pending = new ConcurrentHashMap<>();

  @Override
  public void save(PendingLogin login) {
    pending.put(login.state(), login);
  }

  @Override
  public Optional<PendingLogin> consume(LoginState state, Instant now) {
    return Optional.ofNullable(pending.remove(state)).filter(login -> !login.isExpiredAt(now));
  }

  @Override
  public int deleteExpired(Instant now) {
    int removed = 0;
    for (PendingLogin login : pending.values()) {
      if (login.isExpiredAt(now) && pending.remove(login.state(), login)) {
        removed++;
      }
    }
    return removed;
  }
}
