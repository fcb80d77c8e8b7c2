package dev.miandeng.adapter.persistence.memory;

import dev.miandeng.domain.contract.UserTokensContract;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;

/** The {@link UserTokensContract} (SEC-10, SEC-24, REL-06) in memory: one map per process. */
class InMemoryUserTokensTest extends UserTokensContract {

  private final InMemoryUsers users = new InMemoryUsers();
  private final InMemoryUserTokens tokens = new InMemoryUserTokens();

  @Override
  protected UserTokens tokens() {
    return tokens;
  }

  /** In memory, "another instance" can only share the data by being the same map. */
  @Override
  protected UserTokens sameStoreElsewhere() {
    return tokens;
  }

  @Override
  protected Users users() {
    return users;
  }
}
