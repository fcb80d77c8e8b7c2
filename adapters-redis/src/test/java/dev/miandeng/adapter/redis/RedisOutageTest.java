package dev.miandeng.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.Eventually;
import dev.miandeng.domain.fixtures.TcpProxy;
import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.store.StoreUnavailableException;
import dev.miandeng.domain.user.UserId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REL-08 on Redis: a loopback proxy the test cuts and restores stands between adapter and server.
 */
class RedisOutageTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @RegisterExtension static final RedisTestServer REDIS = new RedisTestServer();

  private final Clock clock = Clock.systemUTC();

  @Test
  @DisplayName(
      "REL-08 while Redis is cut off every call fails with StoreUnavailableException and readiness"
          + " is false; once it is back calls succeed again without a restart, nothing lost")
  void failsFastWhileCutAndRecoversWhenRestored() throws Exception {
    try (TcpProxy proxy = new TcpProxy(REDIS.address())) {
      RedisSettings settings =
          REDIS
              .freshSettings()
              .withUrl(URI.create("redis://127.0.0.1:" + proxy.port() + "/0"))
              .withTimeout(RedisSettings.DEFAULT_TIMEOUT);
      RedisStores stores = REDIS.open(settings, clock);
      UserId user = new UserId(java.util.UUID.randomUUID());
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Session session =
          Session.start(SessionToken.generate(RANDOM).hash(), user, now, SessionPolicy.DEFAULT);
      stores.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
      assertThat(stores.isReachable()).isTrue();

      proxy.cut();

      assertThat(stores.isReachable()).isFalse();
      assertThatThrownBy(() -> stores.sessions().find(session.id()))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.sessions().deleteAllOf(user))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.sessions().deleteExpired(now))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.loginStates().consume(LoginState.generate(RANDOM), now))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(
              () ->
                  stores
                      .loginStates()
                      .save(
                          PendingLogin.client(
                              LoginState.generate(RANDOM), now, Duration.ofMinutes(5))))
          .isInstanceOf(StoreUnavailableException.class);

      proxy.restore();

      Eventually.succeeds(Duration.ofSeconds(30), () -> stores.sessions().find(session.id()));
      assertThat(stores.sessions().find(session.id())).contains(session);
      PendingLogin login =
          PendingLogin.client(LoginState.generate(RANDOM), now, Duration.ofMinutes(5));
      stores.loginStates().save(login);
      assertThat(stores.loginStates().consume(login.state(), now)).contains(login);
      assertThat(stores.sessions().deleteAllOf(user)).isEqualTo(1);
      assertThat(stores.isReachable()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "SEC-25 refused credentials at start-up: StoreUnavailableException saying so, never the"
          + " password")
  void refusedCredentialsAtStartUp() {
    InetSocketAddress server = REDIS.address();
    // An ACL user that does not exist: the shared server refuses it whatever its own set-up.
    RedisSettings settings =
        RedisSettings.of(
            "redis://no-such-user-"
                + RANDOM.nextInt(1_000_000)
                + "@"
                + server.getHostString()
                + ":"
                + server.getPort()
                + "/0",
            "password-for-test");

    assertThatThrownBy(() -> RedisStores.open(settings, clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("refused our credentials")
        .hasMessageNotContaining("password-for-test")
        .hasMessageNotContaining("no-such-user");
  }

  @Test
  @DisplayName("REL-08 Redis unreachable at start-up: StoreUnavailableException naming the URL")
  void unreachableAtStartUp() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RedisSettings settings =
        RedisSettings.of("redis://127.0.0.1:" + closedPort + "/0", "")
            .withTimeout(Duration.ofMillis(500));

    assertThatThrownBy(() -> RedisStores.open(settings, clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("redis://127.0.0.1:" + closedPort);
  }
}
