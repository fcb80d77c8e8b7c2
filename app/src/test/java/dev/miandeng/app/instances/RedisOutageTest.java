package dev.miandeng.app.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.redis.RedisSettings;
import dev.miandeng.adapter.redis.RedisTestServer;
import dev.miandeng.app.AppOnSimulator;
import dev.miandeng.domain.fixtures.Eventually;
import dev.miandeng.domain.fixtures.TcpProxy;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The app with sessions and pending logins in Redis, reached through a loopback proxy the test cuts
 * and restores (the shared Redis itself is never stopped); users in memory, on the simulator.
 */
class RedisOutageTest {

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private static AppOnSimulator start(RedisSettings redis) {
    return AppOnSimulator.start(
        Map.of(
            "MIANDENG_PERSISTENCE", "memory",
            "MIANDENG_SESSIONS", "redis",
            "MIANDENG_LOGIN_STATES", "redis",
            "MIANDENG_REDIS_URL", redis.url().toString(),
            "MIANDENG_REDIS_KEY_PREFIX", redis.keyPrefix(),
            "MIANDENG_SHUTDOWN_DELAY", "1ms"));
  }

  @Test
  @DisplayName(
      "REL-08 Redis down: login and session lookups answer 503 with Retry-After, readiness 503,"
          + " liveness 200; Redis back: the same session works again without a restart")
  void redisDownThenBack() throws Exception {
    try (TcpProxy proxy = new TcpProxy(REDIS.address())) {
      RedisSettings redis =
          REDIS.freshSettings().withUrl(URI.create("redis://127.0.0.1:" + proxy.port() + "/0"));
      try (AppOnSimulator app = start(redis)) {
        URI url = URI.create(app.url() + "/");
        Client browser = InClientLogin.logIn(app);
        assertThat(browser.get(url, "/api/me").statusCode()).isEqualTo(200);

        proxy.cut();

        HttpResponse<String> me = browser.get(url, "/api/me");
        assertThat(me.statusCode()).isEqualTo(503);
        assertThat(me.headers().firstValue("Retry-After")).isPresent();
        assertThat(me.body()).contains("store_unavailable");
        HttpResponse<String> nonce = browser.post(url, "/api/login/nonce", "{}");
        assertThat(nonce.statusCode()).isEqualTo(503);
        assertThat(nonce.headers().firstValue("Retry-After")).isPresent();
        assertThat(browser.get(url, "/login").statusCode()).isEqualTo(503);
        assertThat(browser.get(url, "/health/ready").statusCode()).isEqualTo(503);
        assertThat(browser.get(url, "/health/live").statusCode()).isEqualTo(200);

        proxy.restore();

        Eventually.succeeds(
            Duration.ofSeconds(30),
            () -> {
              assertThat(browser.get(url, "/api/me").statusCode()).isEqualTo(200);
              return null;
            });
        assertThat(browser.get(url, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(InClientLogin.logIn(app).get(url, "/api/me").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  @DisplayName("REL-08 Redis unreachable at start-up: start-up stops naming MIANDENG_REDIS_URL")
  void unreachableAtStartUp() {
    RedisSettings nowhere =
        REDIS
            .freshSettings()
            .withUrl(URI.create("redis://127.0.0.1:" + TwoInstancesOnRedisTest.freePort() + "/0"));

    assertThatThrownBy(() -> start(nowhere))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("MIANDENG_REDIS_URL");
  }
}
