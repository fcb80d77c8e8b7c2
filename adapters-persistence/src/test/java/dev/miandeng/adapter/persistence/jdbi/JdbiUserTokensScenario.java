package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.domain.contract.UserTokensContract;
import dev.miandeng.domain.token.UserTokens;
import dev.miandeng.domain.user.Users;
import java.security.SecureRandom;

/**
 * The {@link UserTokensContract} (SEC-10, SEC-23, SEC-24, REL-06) on JDBI, the second instance
 * being another pool on the same database. Subclasses say which database.
 */
abstract class JdbiUserTokensScenario extends UserTokensContract {

  private static final TokenKeyRing KEYS = TokenKeyRing.ephemeral(new SecureRandom());

  private final DatabaseSettings settings = database().freshDatabase();
  private final JdbiStores stores = database().open(settings);
  private final UserTokens tokens = stores.userTokens(KEYS);
  private final UserTokens elsewhere = database().open(settings).userTokens(KEYS);

  /** The database server of the subclass (a static extension, set up before any instance). */
  protected abstract TestDatabase database();

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
