package dev.miandeng.adapter.redis;

import dev.miandeng.domain.contract.SessionsContract;
import dev.miandeng.domain.session.Sessions;
import dev.miandeng.domain.user.Users;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link SessionsContract} (SEC-02, SEC-07, SEC-08, SEC-09, SEC-10, REL-09) on Redis,
 * unchanged. The adapter's clock stands at the contract's {@code T0}: TTLs are counted from it, as
 * in production they are counted from the core's clock.
 */
class RedisSessionsTest extends SessionsContract {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final Users users = new MapUsers();
  private final Sessions sessions = REDIS.openFresh(Clock.fixed(T0, ZoneOffset.UTC)).sessions();

  @Override
  protected Sessions sessions() {
    return sessions;
  }

  @Override
  protected Users users() {
    return users;
  }
}
