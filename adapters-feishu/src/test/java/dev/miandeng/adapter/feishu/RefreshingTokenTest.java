package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.fixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The token holder's rules, driven by an injected clock and a counting fake upstream. */
class RefreshingTokenTest {

  private static final Duration TWO_HOURS = Duration.ofHours(2);

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger upstreamCalls = new AtomicInteger();

  private RefreshingToken.Issued issue(String value) {
    upstreamCalls.incrementAndGet();
    return new RefreshingToken.Issued(value, clock.instant().plus(TWO_HOURS));
  }

  private RefreshingToken tokenFrom(Supplier<RefreshingToken.Issued> fetch) {
    return new RefreshingToken("test token", fetch, clock);
  }

  @Test
  @DisplayName("REL-04 50 callers on a cold cache share one upstream call and one token")
  void coldCacheMakesOneCall() throws Exception {
    RefreshingToken[] holder = new RefreshingToken[1];
    holder[0] =
        tokenFrom(
            () -> {
              awaitWaiters(holder[0], 49);
              return issue("t-1");
            });

    List<String> tokens = Concurrently.run(50, holder[0]::get);

    assertThat(tokens).hasSize(50).containsOnly("t-1");
    assertThat(upstreamCalls).hasValue(1);
  }

  @Test
  @DisplayName(
      "REL-04 a caller waiting on another caller's fetch adds its wait to its request's time"
          + " waiting on Feishu (the access log's upstream=); the fetcher's own call is timed by"
          + " the client")
  void aWaitOnAnotherFetchIsUpstreamTime() throws Exception {
    Duration fetching = Duration.ofMillis(60);
    RefreshingToken[] holder = new RefreshingToken[1];
    holder[0] =
        tokenFrom(
            () -> {
              awaitWaiters(holder[0], 1);
              sleep(fetching);
              return issue("t-1");
            });

    List<Long> upstream =
        Concurrently.run(
            2,
            () -> {
              MDC.put(UpstreamTime.MDC_KEY, "0"); // as the web adapter does for each request
              try {
                holder[0].get();
                return Long.parseLong(MDC.get(UpstreamTime.MDC_KEY));
              } finally {
                MDC.remove(UpstreamTime.MDC_KEY);
              }
            });

    assertThat(upstream.stream().sorted())
        .satisfiesExactly(
            fetcher -> assertThat(fetcher).isZero(),
            waiter -> assertThat(waiter).isGreaterThanOrEqualTo(fetching.toNanos() / 1_000));
  }

  @Test
  @DisplayName(
      "REL-04 a failing fetch reaches every waiter, is not cached, and the next call fetches again")
  void failureReachesEveryWaiterAndIsNotCached() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    RefreshingToken[] holder = new RefreshingToken[1];
    holder[0] =
        tokenFrom(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                awaitWaiters(holder[0], 49);
                throw new FeishuAnswerMalformed("upstream down");
              }
              return issue("t-after-recovery");
            });

    List<String> outcomes =
        Concurrently.run(
            50,
            () -> {
              try {
                return holder[0].get();
              } catch (FeishuAnswerMalformed failure) {
                return "failed";
              }
            });

    assertThat(outcomes).hasSize(50).containsOnly("failed");
    assertThat(attempts).hasValue(1);
    assertThat(holder[0].get()).isEqualTo("t-after-recovery");
    assertThat(attempts).hasValue(2);
  }

  @Test
  @DisplayName("REL-05 no upstream call while at least 30 minutes remain")
  void keptWhileThirtyMinutesRemain() {
    RefreshingToken token = tokenFrom(() -> issue("t-" + upstreamCalls.get()));
    token.get();

    clock.advance(Duration.ofMinutes(90)); // exactly 30 minutes left
    assertThat(token.get()).isEqualTo("t-0");

    assertThat(upstreamCalls).hasValue(1);
  }

  @Test
  @DisplayName("REL-05 below 30 minutes one caller refreshes while the others keep the valid token")
  void oneRefreshWhileOthersKeepTheOldToken() throws Exception {
    CountDownLatch refreshing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RefreshingToken token =
        tokenFrom(
            () -> {
              if (upstreamCalls.get() == 0) {
                return issue("t-old");
              }
              refreshing.countDown();
              await(release);
              return issue("t-new");
            });
    token.get();
    clock.advance(Duration.ofMinutes(91)); // 29 minutes left

    CompletableFuture<String> refresher = CompletableFuture.supplyAsync(token::get);
    assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
    List<String> meanwhile = Concurrently.run(10, token::get);
    release.countDown();

    assertThat(meanwhile).containsOnly("t-old");
    assertThat(refresher.get(10, TimeUnit.SECONDS)).isEqualTo("t-new");
    assertThat(token.get()).isEqualTo("t-new");
    assertThat(upstreamCalls).hasValue(2);
  }

  @Test
  @DisplayName("REL-05 a failed early refresh keeps serving the still-valid token")
  void failedEarlyRefreshKeepsTheOldToken() {
    AtomicInteger attempts = new AtomicInteger();
    RefreshingToken token =
        tokenFrom(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                return issue("t-old");
              }
              throw new FeishuAnswerMalformed("upstream down");
            });
    token.get();
    clock.advance(Duration.ofMinutes(100));

    assertThat(token.get()).isEqualTo("t-old");
    assertThat(attempts).hasValue(2);
  }

  @Test
  @DisplayName("REL-04 an expired token is never handed out: callers wait for the new one")
  void expiredTokenIsReplaced() {
    RefreshingToken token = tokenFrom(() -> issue("t-" + upstreamCalls.get()));
    token.get();
    clock.advance(TWO_HOURS);

    assertThat(token.get()).isEqualTo("t-1");
    assertThat(upstreamCalls).hasValue(2);
  }

  @Test
  @DisplayName("REL-07 a rejected token is evicted, refetched and the call repeated once")
  void rejectedTokenIsReplacedOnce() {
    RefreshingToken token = tokenFrom(() -> issue("t-" + upstreamCalls.get()));
    AtomicInteger calls = new AtomicInteger();

    String result =
        token.use(
            value -> {
              if (calls.incrementAndGet() == 1) {
                throw tokenInvalid();
              }
              return "called with " + value;
            });

    assertThat(result).isEqualTo("called with t-1");
    assertThat(upstreamCalls).hasValue(2);
    assertThat(calls).hasValue(2);
  }

  @Test
  @DisplayName("REL-07 a second rejection fails cleanly: no third call, no third fetch")
  void secondRejectionFails() {
    RefreshingToken token = tokenFrom(() -> issue("t-" + upstreamCalls.get()));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                token.use(
                    value -> {
                      calls.incrementAndGet();
                      throw tokenInvalid();
                    }))
        .isInstanceOf(FeishuApiFailure.class);
    assertThat(calls).hasValue(2);
    assertThat(upstreamCalls).hasValue(2);
  }

  @Test
  @DisplayName("REL-07 other failures are not retried and keep the token")
  void otherFailuresAreNotRetried() {
    RefreshingToken token = tokenFrom(() -> issue("t-" + upstreamCalls.get()));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                token.use(
                    value -> {
                      calls.incrementAndGet();
                      throw new FeishuApiFailure(
                          400, OptionalInt.of(20003), "no", "invalid_grant", Optional.empty());
                    }))
        .isInstanceOf(FeishuApiFailure.class);
    assertThat(calls).hasValue(1);
    assertThat(token.get()).isEqualTo("t-0");
    assertThat(upstreamCalls).hasValue(1);
  }

  @Test
  @DisplayName("SEC-12 an issued token never prints its value")
  void issuedTokenIsMasked() {
    assertThat(new RefreshingToken.Issued("t-secret-value", clock.instant()).toString())
        .doesNotContain("t-secret-value");
  }

  private static FeishuApiFailure tokenInvalid() {
    return new FeishuApiFailure(
        400, OptionalInt.of(99991663), "Invalid access token", "", Optional.empty());
  }

  /**
   * Blocks the fetch until every other caller is queued behind it (bounded, never a timing proof).
   */
  private static void awaitWaiters(RefreshingToken token, int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (token.waiters() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
