package dev.miandeng.domain.fakes;

import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import dev.miandeng.domain.token.UserTokenRefresher;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refresh grant that behaves like Feishu's: every refresh token works once, a second use is
 * refused (20064, "already used") and so are revoked ones; each refresh issues a new pair of
 * tokens, {@code u-r<n>} / {@code ur-r<n>} for the n-th call. Counts every call, failed ones too;
 * can be told to fail as an outage. Thread-safe.
 */
public final class RotatingRefresher implements UserTokenRefresher {

  private final Clock clock;
  private final Duration pause;
  private final AtomicInteger calls = new AtomicInteger();
  private final Set<String> spent = ConcurrentHashMap.newKeySet();
  private volatile RuntimeException outage;

  /**
   * @param pause how long each call takes, so that callers racing for one refresh overlap
   */
  public RotatingRefresher(Clock clock, Duration pause) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  @Override
  public UserGrant refresh(UserGrant current) {
    int call = calls.incrementAndGet();
    RuntimeException failure = outage;
    if (failure != null) {
      throw failure;
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (!spent.add(current.refreshToken())) {
      throw new RefreshTokenRejectedException("20064: the refresh token was already used", null);
    }
    return Grants.issued("r" + call, clock.instant());
  }

  /** How many refreshes were asked for. */
  public int calls() {
    return calls.get();
  }

  /** Every later call throws {@code failure} (an outage), until {@link #recover()}. */
  public void failWith(RuntimeException failure) {
    outage = Objects.requireNonNull(failure, "failure");
  }

  public void recover() {
    outage = null;
  }

  /** The user (or an admin) revoked this refresh token: using it is refused. */
  public void revoke(String refreshToken) {
    spent.add(refreshToken);
  }
}
