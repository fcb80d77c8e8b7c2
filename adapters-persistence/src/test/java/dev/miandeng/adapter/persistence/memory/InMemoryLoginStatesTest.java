package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.contract.LoginStatesContract;
import dev.miandeng.domain.login.LoginStates;

class InMemoryLoginStatesTest extends LoginStatesContract {

  private final InMemoryLoginStates loginStates = new InMemoryLoginStates();

  @Override
  protected LoginStates loginStates() {
    return loginStates;
  }
}
