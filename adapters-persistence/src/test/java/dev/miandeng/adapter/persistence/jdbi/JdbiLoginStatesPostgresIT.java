package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.contract.LoginStatesContract;
import dev.miandeng.domain.login.LoginStates;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link LoginStatesContract} (SEC-17) on JDBI over Postgres. */
class JdbiLoginStatesPostgresIT extends LoginStatesContract {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  private final JdbiStores stores = DATABASE.openFresh();

  @Override
  protected LoginStates loginStates() {
    return stores.loginStates();
  }
}
