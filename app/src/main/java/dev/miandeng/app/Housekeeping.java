package dev.miandeng.app;

import dev.miandeng.application.session.SweepExpiredUseCase;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps, every few minutes, the sessions past their keep-until and the expired pending logins, in
 * whichever adapters the configuration selected, so the stores stay small: the tables of the
 * database and the in-memory maps need it; Redis expires its keys by TTL, so there the sweep walks
 * the keys and rarely finds one. Expiry is judged on every lookup anyway ({@code
 * Session.standingAt}); the sweep only reclaims space, so a missed run harms nothing.
 */
final class Housekeeping implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final long PERIOD_MINUTES = 5;

  private final ScheduledExecutorService scheduler;

  private Housekeeping(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  static Housekeeping start(SweepExpiredUseCase sweep) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("miandeng-housekeeping").daemon().unstarted(r));
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            SweepExpiredUseCase.Swept swept = sweep.sweep();
            LOG.debug(
                "swept {} sessions, {} pending logins", swept.sessions(), swept.pendingLogins());
          } catch (StoreUnavailableException e) {
            LOG.warn("housekeeping skipped: the store is unavailable");
          }
        },
        PERIOD_MINUTES,
        PERIOD_MINUTES,
        TimeUnit.MINUTES);
    return new Housekeeping(scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
