package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.contract.SessionsContract;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.Users;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SessionsContract} (SEC-09, SEC-10, REL-09) on JDBI over Postgres. */
class JdbiSessionsPostgresIT extends SessionsContract {

  @RegisterExtension static final TestDatabase DATABASE = PostgresTestDatabase.create();

  private final JdbiStores stores = DATABASE.openFresh();

  @Override
  protected Sessions sessions() {
    return stores.sessions();
  }

  @Override
  protected Users users() {
    return stores.users();
  }
}
