package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.aliceProfile;
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
import dev.miandeng.domain.user.User;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REL-08 on one engine: the subclass supplies a database reached over TCP. */
abstract class DatabaseOutageScenario {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  protected abstract TestDatabase database();

  @Test
  @DisplayName(
      "REL-08 while the database is cut off every call fails with StoreUnavailableException and"
          + " readiness is false; once it is back calls succeed again without a restart")
  void failsFastWhileCutAndRecoversWhenRestored() throws Exception {
    try (TcpProxy proxy = new TcpProxy(database().serverAddress())) {
      DatabaseSettings direct = database().freshDatabase();
      JdbiStores stores =
          database()
              .open(
                  TestDatabase.reroute(direct, proxy.port())
                      .withConnectionTimeout(DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT));
      User user = stores.users().recordLogin(alice(), aliceProfile(), NOW);
      Session session =
          Session.start(
              SessionToken.generate(RANDOM).hash(), user.id(), NOW, SessionPolicy.DEFAULT);
      stores.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
      assertThat(stores.isReachable()).isTrue();

      proxy.cut();

      assertThat(stores.isReachable()).isFalse();
      assertThatThrownBy(() -> stores.users().findById(UserId.random()))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.sessions().find(SessionToken.generate(RANDOM).hash()))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.sessions().deleteAllOf(user.id()))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> stores.loginStates().consume(LoginState.generate(RANDOM), NOW))
          .isInstanceOf(StoreUnavailableException.class);

      proxy.restore();

      Eventually.succeeds(Duration.ofSeconds(30), () -> stores.users().findById(UserId.random()));
      assertThat(stores.users().recordLogin(alice(), aliceProfile(), NOW)).isEqualTo(user);
      PendingLogin login =
          PendingLogin.client(LoginState.generate(RANDOM), NOW, Duration.ofMinutes(5));
      stores.loginStates().save(login);
      assertThat(stores.loginStates().consume(login.state(), NOW)).contains(login);
      assertThat(stores.sessions().deleteAllOf(user.id())).isEqualTo(1);
      assertThat(stores.isReachable()).isTrue();
    }
  }
}
