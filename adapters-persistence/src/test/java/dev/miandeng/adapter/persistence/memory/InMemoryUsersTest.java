package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.contract.UsersContract;
import dev.miandeng.domain.user.Users;

class InMemoryUsersTest extends UsersContract {

  private final InMemoryUsers users = new InMemoryUsers();

  @Override
  protected Users users() {
    return users;
  }
}
