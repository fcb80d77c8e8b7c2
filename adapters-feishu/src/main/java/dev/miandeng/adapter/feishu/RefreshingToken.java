package dev.miandeng.adapter.feishu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One app-level credential (app_access_token, tenant_access_token, JSSDK ticket) kept in memory and
 * renewed the way Feishu issues them.
 *
 * <ul>
 *   <li>REL-05: kept while at least 30 minutes remain (Feishu returns the same token then); below
 *       that, one caller refreshes while everybody else keeps the still-valid token.
 *   <li>REL-04: with no usable token, concurrent callers share ONE upstream fetch; its failure
 *       reaches every waiter and is not kept, so the next call fetches again.
 *   <li>REL-07: {@link #use} evicts a token Feishu rejects (every code {@link FeishuErrorTable}
 *       calls a stale token, v1's included, whatever the HTTP status), fetches a new one and
 *       repeats the call once.
 * </ul>
 *
 * A purpose-built holder rather than a Caffeine cache: Caffeine's refresh-after-write is one fixed
 * duration while these tokens say their own lifetime, and the "keep serving the old one while one
 * thread refreshes" rule is a dozen lines here.
 */
final class RefreshingToken {

  private static final Logger LOG = LoggerFactory.getLogger(RefreshingToken.class);

  /** Feishu issues a new token only when less than this remains. */
  static final Duration REFRESH_AHEAD = Duration.ofMinutes(30);

  /** Never hand out a token that could expire while the call using it is in flight. */
  static final Duration USABLE_MARGIN = Duration.ofMinutes(1);

  /** A credential and the instant it stops working. */
  record Issued(String value, Instant expiresAt) {
    Issued {
      Objects.requireNonNull(expiresAt, "expiresAt");
      if (value == null || value.isBlank()) {
        throw new FeishuAnswerMalformed("Feishu returned an empty token");
      }
    }

    @Override
    public String toString() {
      return "Issued[***, expiresAt=" + expiresAt + "]";
    }
  }

  private final String name;
  private final Supplier<Issued> fetch;
  private final Clock clock;
  private final FeishuMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();

  // Written under lock, read without it on the path every login takes (see get()).
  private volatile Issued current;
  private CompletableFuture<Issued> inFlight; // guarded by lock
  private int waiters; // guarded by lock; callers blocked on someone else's fetch

  /**
   * @param fetch asks Feishu for the credential; it should compute {@code expiresAt} from the
   *     instant it asked, so network time never makes a token look younger than it is
   */
  RefreshingToken(String name, Supplier<Issued> fetch, Clock clock) {
    this(name, fetch, clock, FeishuMetrics.none());
  }

  /**
   * As above, counting fetches, refreshes and evictions under {@code name}.
   *
   * @param name the credential's name in logs and metrics: a constant, never the token
   */
  RefreshingToken(String name, Supplier<Issued> fetch, Clock clock, FeishuMetrics metrics) {
    this.name = name;
    this.fetch = fetch;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A valid token, fetching or refreshing it when needed. */
  String get() {
    Instant now = clock.instant();
    // No lock while the token is fresh, as it is for all but a few calls in its two hours: a
    // thousand logins at once queued on the lock here (220 virtual threads at one dump of
    // bin/bench logins), each hand-off of it waiting for a carrier.
    Issued held = current;
    if (isFresh(held, now)) {
      return held.value();
    }
    CompletableFuture<Issued> mine;
    CompletableFuture<Issued> theirs;
    Issued stillUsable;
    lock.lock();
    try {
      if (isFresh(current, now)) {
        return current.value();
      }
      stillUsable =
          current != null && now.isBefore(current.expiresAt().minus(USABLE_MARGIN))
              ? current
              : null;
      if (inFlight != null) {
        if (stillUsable != null) {
          return stillUsable.value();
        }
        mine = null;
        theirs = inFlight;
        waiters++;
      } else {
        mine = new CompletableFuture<>();
        inFlight = mine;
        theirs = mine;
      }
    } finally {
      lock.unlock();
    }
    return mine != null ? fetchAndPublish(mine, stillUsable) : await(theirs);
  }

  /** Kept while at least REFRESH_AHEAD remains: asking earlier only returns the same token. */
  private static boolean isFresh(Issued token, Instant now) {
    return token != null && !now.isAfter(token.expiresAt().minus(REFRESH_AHEAD));
  }

  /**
   * How many callers are waiting for another caller's fetch. The REL-04 tests hold the fetch until
   * every other caller waits on it: without that, a fetch that fails before they arrive cannot show
   * that its failure reaches every waiter.
   */
  int waiters() {
    lock.lock();
    try {
      return waiters;
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code call} with the token; a rejected token is replaced and the call repeated once. */
  <T> T use(Function<String, T> call) {
    String token = get();
    try {
      return call.apply(token);
    } catch (FeishuApiFailure failure) {
      if (!FeishuErrorTable.isStaleToken(failure)) {
        throw failure;
      }
      LOG.warn(
          "Feishu rejected the cached {} ({}); fetching a new one",
          name,
          failure.code().getAsInt());
      evict(token);
      metrics.tokenEvicted(name);
      return call.apply(get());
    }
  }

  /** Forgets {@code rejected} if it is still the current token (a newer one is kept). */
  void evict(String rejected) {
    lock.lock();
    try {
      if (current != null && current.value().equals(rejected)) {
        current = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private String fetchAndPublish(CompletableFuture<Issued> mine, Issued stillUsable) {
    Issued fresh;
    try {
      fresh = fetch.get();
    } catch (RuntimeException | Error failure) {
      metrics.tokenFetched(name, stillUsable != null, false);
      finish(null);
      mine.completeExceptionally(failure);
      if (stillUsable != null && failure instanceof RuntimeException) {
        // The old token works for a while yet: a failed early refresh must not fail the caller.
        LOG.warn("refreshing the {} failed; the current one stays in use until it expires", name);
        return stillUsable.value();
      }
      throw failure;
    }
    metrics.tokenFetched(name, stillUsable != null, true);
    finish(fresh);
    mine.complete(fresh);
    return fresh.value();
  }

  private void finish(Issued fresh) {
    lock.lock();
    try {
      if (fresh != null) {
        current = fresh;
      }
      inFlight = null;
    } finally {
      lock.unlock();
    }
  }

  private String await(CompletableFuture<Issued> fetching) {
    long start = System.nanoTime();
    try {
      return fetching.join().value();
    } catch (CompletionException wrapped) {
      if (wrapped.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (wrapped.getCause() instanceof Error error) {
        throw error;
      }
      throw wrapped;
    } finally {
      // Waiting on Feishu, though another caller's call: not this request's own time.
      UpstreamTime.addSince(start);
      lock.lock();
      try {
        waiters--;
      } finally {
        lock.unlock();
      }
    }
  }
}
