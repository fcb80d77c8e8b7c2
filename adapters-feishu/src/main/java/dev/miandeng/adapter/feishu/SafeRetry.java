package dev.miandeng.adapter.feishu;

import feign.RetryableException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry policy of the calls that are safe to repeat (tokens, user info, JSSDK ticket), REL-02:
 * at most {@code maxAttempts} tries, on connect failures and HTTP 408/429/500/503 (and Feishu's
 * rate-limit code 99991400 whatever its status), with exponential backoff and "equal jitter" (half
 * fixed, half random), or exactly the {@code x-ogw-ratelimit-reset} wait when Feishu gives one. A
 * read timeout is not retried: the caller would wait several read timeouts for an answer. Feign's
 * own retryer is off everywhere ({@code Retryer.NEVER_RETRY}): it retries every IOException, which
 * would replay single-use codes.
 */
final class SafeRetry {

  private static final Logger LOG = LoggerFactory.getLogger(SafeRetry.class);

  static final int RATE_LIMITED = 99991400;

  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 503);

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
        if (wait.isEmpty()) {
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
          RETRYABLE_STATUS.contains(answer.httpStatus()) || answer.hasCode(RATE_LIMITED);
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
    if (failure instanceof RetryableException transport && nothingWasSent(transport)) {
      return Optional.of(backoff(attempt));
    }
    return Optional.empty();
  }

  /** A refused or timed-out connect: the request never left this machine. */
  private static boolean nothingWasSent(RetryableException transport) {
    Throwable cause = transport.getCause();
    return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
  }

  private Duration backoff(int attempt) {
    long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(ceiling, maxBackoff.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(capped - half + 1));
  }

  private void pause(Duration wait, RuntimeException failure) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }
}
