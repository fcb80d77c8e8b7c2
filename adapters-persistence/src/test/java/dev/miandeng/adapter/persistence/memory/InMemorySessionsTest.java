package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.contract.SessionsContract;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.Users;

class InMemorySessionsTest extends SessionsContract {

  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemorySessions sessions = new InMemorySessions();

  @Override
  protected Sessions sessions() {
    return sessions;
  }

  @Override
  protected Users users() {
    return users;
  }
}
