package dev.miandeng.application.token;

import static dev.miandeng.domain.fixtures.People.alice;
import static dev.miandeng.domain.fixtures.People.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.persistence.jdbi.JdbiStores;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Result;
import dev.miandeng.application.token.ObtainUserAccessTokenUseCase.Usable;
import dev.miandeng.domain.fakes.RotatingRefresher;
import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two app instances, each with its own connection pool and its own service, sharing one database
 * and one Feishu-like refresh grant (single-use, rotating refresh tokens). Subclasses say which
 * database.
 */
abstract class SharedVaultRefreshScenario {

  private static final TokenKeyRing KEYS = TokenKeyRing.ephemeral(new SecureRandom());

  private final MutableClock clock = new MutableClock();
  private final RotatingRefresher upstream = new RotatingRefresher(clock, Duration.ofMillis(200));
  private JdbiStores first;
  private JdbiStores second;

  /** Settings of a new, empty database that nothing else uses. */
  protected abstract DatabaseSettings freshDatabase();

  /** Releases what {@link #freshDatabase()} made, after both instances closed. */
  protected abstract void dropDatabase();

  @AfterEach
  void closeInstances() {
    for (JdbiStores instance : new JdbiStores[] {first, second}) {
      if (instance != null) {
        instance.close();
      }
    }
    dropDatabase();
  }

  @Test
  @DisplayName(
      "SEC-24 REL-06 two instances refreshing one grant at once make one upstream refresh,"
          + " and every caller gets the new token")
  void oneRefreshAcrossInstances() throws Exception {
    DatabaseSettings settings = freshDatabase();
    first = JdbiStores.open(settings);
    second = JdbiStores.open(settings);
    List<ObtainUserAccessTokenService> instances =
        List.of(
            new ObtainUserAccessTokenService(first.userTokens(KEYS), upstream, clock),
            new ObtainUserAccessTokenService(second.userTokens(KEYS), upstream, clock));
    UserId alice = first.users().recordLogin(alice(), profileOf("alice"), clock.instant()).id();
    first.userTokens(KEYS).save(alice, Grants.expiringAt("login", clock.instant().plusSeconds(60)));
    AtomicInteger callers = new AtomicInteger();

    List<Result> results =
        Concurrently.run(8, () -> instances.get(callers.incrementAndGet() % 2).obtain(alice));

    assertThat(upstream.calls()).as("upstream refreshes").isEqualTo(1);
    assertThat(results).allMatch(r -> r instanceof Usable u && u.accessToken().equals("u-r1"));
    assertThat(second.userTokens(KEYS).find(alice))
        .hasValueSatisfying(stored -> assertThat(stored.version()).isEqualTo(2));
  }
}
