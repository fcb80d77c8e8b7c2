package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.adapter.persistence.PersistenceStores;
import dev.miandeng.domain.login.LoginStates;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.Users;

/** The in-memory ports as one {@link PersistenceStores}: always reachable, nothing to close. */
public final class InMemoryStores implements PersistenceStores {

  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemorySessions sessions = new InMemorySessions();
  private final InMemoryLoginStates loginStates = new InMemoryLoginStates();

  @Override
  public Users users() {
    return users;
  }

  @Override
  public Sessions sessions() {
    return sessions;
  }

  @Override
  public LoginStates loginStates() {
    return loginStates;
  }

  @Override
  public boolean isReachable() {
    return true;
  }

  @Override
  public void close() {
    // Nothing is held outside the heap.
  }
}
