package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.contract.UsersContract;
import dev.miandeng.domain.user.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link UsersContract} (REL-12, SEC-22) on JDBI over Postgres. */
class JdbiUsersPostgresIT extends UsersContract {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  private final JdbiStores stores = DATABASE.openFresh();

  @Override
  protected Users users() {
    return stores.users();
  }
}
