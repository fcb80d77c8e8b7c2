package dev.miandeng.adapter.redis;

import dev.miandeng.domain.contract.LoginStatesContract;
import dev.miandeng.domain.login.LoginStates;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link LoginStatesContract} (SEC-17, SEC-20) on Redis, unchanged; the adapter's clock stands
 * at the contract's {@code T0}, from which TTLs are counted.
 */
class RedisLoginStatesTest extends LoginStatesContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final LoginStates loginStates =
      REDIS.openFresh(Clock.fixed(T0, ZoneOffset.UTC)).loginStates();

  @Override
  protected LoginStates loginStates() {
    return loginStates;
  }
}
