package dev.miandeng.adapter.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window counter per client for the login endpoints (SEC-33): at most {@code limit} calls
 * per window, then a wait until the window ends. Time comes from the injected clock so tests move
 * it instead of sleeping. Windows that have ended are dropped once the map grows, so a flood of
 * addresses cannot grow memory without bound.
 */
final class LoginRateLimiter {

  private static final int PRUNE_ABOVE = 10_000;

  private record Window(Instant start, int count) {}

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  LoginRateLimiter(int limit, Duration window, Clock clock) {
    this.limit = limit;
    this.window = Objects.requireNonNull(window, "window");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Throws the 429 answer when {@code client} is past its limit. */
  void enforce(String client) {
    acquire(client)
        .ifPresent(
            wait -> {
              throw new RequestRejectedException(
                  429,
                  "rate_limited",
                  "Too many login attempts. Please wait a moment and try again.",
                  Optional.of(wait));
            });
  }

  /** Empty when the call may go ahead; otherwise how long the client must wait. */
  Optional<Duration> acquire(String client) {
    Instant now = clock.instant();
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
    Window current =
        windows.compute(
            client,
            (key, old) ->
                old == null || !now.isBefore(old.start().plus(window))
                    ? new Window(now, 1)
                    : new Window(old.start(), old.count() + 1));
    if (current.count() <= limit) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, current.start().plus(window));
    return Optional.of(wait.isZero() || wait.isNegative() ? Duration.ofSeconds(1) : wait);
  }
}
