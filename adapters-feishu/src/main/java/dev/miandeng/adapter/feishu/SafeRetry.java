package dev.miandeng.adapter.feishu;

import feign.RetryableException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy of the calls that are safe to repeat (tokens, user info, JSSDK ticket), REL-02:
 * at most {@code maxAttempts} tries, on connect failures, on a connection dropped before a complete
 * answer, and on HTTP 408/429/500/502/503/504 (and Feishu's rate-limit code 99991400 whatever its
 * status), with exponential backoff and "equal jitter" (half fixed, half random), or exactly the
 * {@code x-ogw-ratelimit-reset} wait when Feishu gives one. No wait outlasts the login's {@link
 * Deadline}: a retry that would is not made. Not retried: a timeout (the caller would wait several
 * timeouts), an oversized answer (it would be as large again), and an answer with any other status
 * (its code says what is wrong; {@link FeishuFailures} classifies it). Feign's own retryer is off
 * everywhere ({@code Retryer.NEVER_RETRY}): it retries every IOException, which would replay
 * single-use codes.
 *
 * <p>Hand-written rather than Failsafe or Resilience4j: the waits go through an injected {@link
 * Sleeper} so tests record them instead of sleeping, a rate-limit wait longer than allowed must
 * fail at once with that wait as the retry hint, and the per-login deadline spans several policies'
 * calls; expressing those three in a library's policy took more code than this class.
 */
final class SafeRetry {

  private static final Logger LOG = LoggerFactory.getLogger(SafeRetry.class);

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRateLimitWait;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  SafeRetry(FeishuSettings settings, Sleeper sleeper, RandomGenerator random) {
    this.maxAttempts = settings.maxAttempts();
    this.initialBackoff = settings.initialBackoff();
    this.maxBackoff = settings.maxBackoff();
    this.maxRateLimitWait = settings.maxRateLimitWait();
    this.sleeper = sleeper;
    this.random = random;
  }

  <T> T call(String what, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException failure) {
        Optional<Duration> wait =
            attempt < maxAttempts ? waitBefore(failure, attempt) : Optional.empty();
        if (wait.isEmpty() || !Deadline.allows(wait.get())) {
          throw failure;
        }
        LOG.info(
            "{} failed ({}), try {} of {} in {} ms",
            what,
            failure.getClass().getSimpleName(),
            attempt + 1,
            maxAttempts,
            wait.get().toMillis());
        pause(wait.get(), failure);
      }
    }
  }

  /** How long to wait before trying again, or empty when this failure must not be retried. */
  private Optional<Duration> waitBefore(RuntimeException failure, int attempt) {
    if (failure instanceof FeishuApiFailure answer) {
      boolean retryable =
          FeishuFailures.TRANSIENT_STATUS.contains(answer.httpStatus())
              || answer.hasCode(FeishuErrorTable.RATE_LIMITED);
      if (!retryable) {
        return Optional.empty();
      }
      if (answer.retryAfter().isPresent()) {
        Duration asked = answer.retryAfter().get();
        // Holding a login for longer than the cap is worse than failing with a retry hint.
        return asked.compareTo(maxRateLimitWait) <= 0 ? Optional.of(asked) : Optional.empty();
      }
      return Optional.of(backoff(attempt));
    }
    if (failure instanceof RetryableException transport && worthRepeating(transport)) {
      return Optional.of(backoff(attempt));
    }
    return Optional.empty();
  }

  /**
   * A refused or timed-out connect, or a connection closed or reset before the whole answer came:
   * these calls are reads, so repeating one is safe. A timeout is not repeated (the budget is
   * spent), nor an oversized answer.
   */
  private static boolean worthRepeating(RetryableException transport) {
    Throwable cause = transport.getCause();
    if (cause instanceof HttpConnectTimeoutException) {
      return true;
    }
    return cause instanceof IOException
        && !(cause instanceof HttpTimeoutException)
        && !(cause instanceof BoundedClient.ReplyTooLargeException);
  }

  private Duration backoff(int attempt) {
    long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(ceiling, maxBackoff.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(capped - half + 1));
  }

  private void pause(Duration wait, RuntimeException failure) {
    long start = System.nanoTime();
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    } finally {
      // Feishu's failure made the request wait: not the request's own time.
      UpstreamTime.addSince(start);
    }
  }
}
