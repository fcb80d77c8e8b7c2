package dev.miandeng.adapter.persistence.jdbi;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.aliceProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the JDBI stores beyond the port contracts. */
class JdbiStoresH2Test {

  private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();

  @RegisterExtension static final TestDatabase DATABASE = H2TestDatabase.inMemory();

  @Test
  @DisplayName("the default H2 file database keeps users and sessions across a restart")
  void sessionsSurviveARestart(@TempDir Path dataDir) {
    DatabaseSettings settings = DatabaseSettings.h2File(dataDir.resolve("miandeng"));
    Session session;
    try (JdbiStores first = JdbiStores.open(settings)) {
      User user = first.users().recordLogin(alice(), aliceProfile(), NOW);
      session =
          Session.start(
              SessionToken.generate(RANDOM).hash(), user.id(), NOW, SessionPolicy.DEFAULT);
      first.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
    }

    try (JdbiStores second = JdbiStores.open(settings)) {
      assertThat(second.sessions().find(session.id())).contains(session);
      assertThat(second.isReachable()).isTrue();
    }
  }

  @Test
  @DisplayName(
      "session lookups are counted by where the answer came from, and the pool's meters are in the"
          + " given registry")
  void lookupsAreCounted(@TempDir Path dataDir) {
    MeterRegistry meters = new SimpleMeterRegistry();
    DatabaseSettings settings = DatabaseSettings.h2File(dataDir.resolve("miandeng"));
    try (JdbiStores stores = JdbiStores.open(settings, meters)) {
      User user = stores.users().recordLogin(alice(), aliceProfile(), NOW);
      Session session =
          Session.start(
              SessionToken.generate(RANDOM).hash(), user.id(), NOW, SessionPolicy.DEFAULT);
      stores.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));

      stores.sessions().find(session.id());
      stores.sessions().find(session.id());
      stores.sessions().findFresh(session.id());
      stores.sessions().find(SessionToken.generate(RANDOM).hash());

      assertThat(meters.get("miandeng.sessions.lookups").tag("source", "cache").counter().count())
          .isEqualTo(2);
      assertThat(meters.get("miandeng.sessions.lookups").tag("source", "fresh").counter().count())
          .isEqualTo(1);
      assertThat(meters.get("miandeng.sessions.lookups").tag("source", "table").counter().count())
          .isEqualTo(1);
      assertThat(meters.get("hikaricp.connections.max").tag("pool", "miandeng-db").gauge().value())
          .isEqualTo(settings.poolSize());
    }
  }

  @Test
  @DisplayName("a broken constraint is a bug, not an outage: StoreMisuseException, no 503")
  void savingOneSessionTwiceIsMisuse() {
    JdbiStores stores = DATABASE.openFresh();
    User user = stores.users().recordLogin(alice(), aliceProfile(), NOW);
    Session session =
        Session.start(SessionToken.generate(RANDOM).hash(), user.id(), NOW, SessionPolicy.DEFAULT);
    Instant keepUntil = session.keepUntil(SessionPolicy.DEFAULT);
    stores.sessions().save(session, keepUntil);

    assertThatThrownBy(() -> stores.sessions().save(session, keepUntil))
        .isInstanceOf(StoreMisuseException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(session.id().hex());
  }

  @Test
  @DisplayName("SEC-12 only the token hash is stored: the raw token appears in no column")
  void onlyTheHashIsStored() throws Exception {
    DatabaseSettings settings = DATABASE.freshDatabase();
    JdbiStores stores = DATABASE.open(settings);
    User user = stores.users().recordLogin(alice(), aliceProfile(), NOW);
    SessionToken token = SessionToken.generate(RANDOM);
    Session session = Session.start(token.hash(), user.id(), NOW, SessionPolicy.DEFAULT);
    stores.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));

    try (var c = TestDatabase.connect(settings);
        var s = c.prepareStatement("select id_hash from sessions");
        var rs = s.executeQuery()) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(token.hash().hex()).isNotEqualTo(token.value());
    }
  }
}
