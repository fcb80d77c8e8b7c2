package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.domain.contract.UserTokensContract;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link UserTokensContract} (SEC-10, SEC-23, SEC-24, REL-06) on JDBI over H2, the second
 * instance being another pool on the same database.
 */
class JdbiUserTokensH2Test extends UserTokensContract {

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  private static final TokenKeyRing KEYS = TokenKeyRing.ephemeral(new SecureRandom());

  private final DatabaseSettings settings = DATABASE.freshDatabase();
  private final JdbiStores stores = DATABASE.open(settings);
  private final UserTokens tokens = stores.userTokens(KEYS);
  private final UserTokens elsewhere = DATABASE.open(settings).userTokens(KEYS);

  @Override
  protected UserTokens tokens() {
    return tokens;
  }

  @Override
  protected UserTokens sameStoreElsewhere() {
    return elsewhere;
  }

  @Override
  protected Users users() {
    return stores.users();
  }
}
