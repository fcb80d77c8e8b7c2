package dev.miandeng.adapter.persistence.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.session.Session;
import dev.miandeng.domain.session.SessionPolicy;
import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A session lookup on the hot path: through {@link JdbiSessions}' cache, and straight from the
 * table (what a cache miss costs), on an in-memory H2 database. Runs only with {@code
 * -Pbenchmarks}; see the module README for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionLookupBenchmark {

  private JdbiStores stores;
  private HikariDataSource uncachedPool;
  private SessionRows uncached;
  private SessionTokenHash id;

  @Setup(Level.Trial)
  public void setUp() {
    DatabaseSettings settings =
        DatabaseSettings.of(
            "jdbc:h2:mem:bench-"
                + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1"
                + DatabaseSettings.H2_PORTABLE_MODE,
            "",
            "");
    Clock clock = Clock.systemUTC();
    stores = JdbiStores.open(settings);
    Instant now = clock.instant();
    User user =
        stores
            .users()
            .recordLogin(
                new Identity("tenant-bench", "ou_bench", "on_bench", Optional.empty()),
                new Profile("Bench", "Bench", "", Optional.empty()),
                now);
    id = SessionToken.generate(new SecureRandom()).hash();
    Session session = Session.start(id, user.id(), now, SessionPolicy.DEFAULT);
    stores.sessions().save(session, session.keepUntil(SessionPolicy.DEFAULT));
    uncachedPool = ConnectionPools.create(settings);
    uncached = new SessionRows(JdbiFactory.create(uncachedPool));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    uncachedPool.close();
    stores.close();
  }

  @Benchmark
  public Optional<Session> cachedLookup() {
    return stores.sessions().find(id);
  }

  @Benchmark
  public Optional<Session> uncachedLookup() {
    return uncached.find(id);
  }
}
