package dev.miandeng.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds the "fail the next N calls" instructions per endpoint and hands them out one call at a
 * time.
 */
final class FailureInjector {
  private final Map<SimulatedEndpoint, InjectedFailure> pending =
      new EnumMap<>(SimulatedEndpoint.class);

  /** Replaces whatever was pending for {@code endpoint}. */
  synchronized void failNext(SimulatedEndpoint endpoint, InjectedFailure failure) {
    pending.put(endpoint, failure);
  }

  /** The failure this call of {@code endpoint} must answer with, if any (and counts it down). */
  synchronized Optional<InjectedFailure> take(SimulatedEndpoint endpoint) {
    InjectedFailure failure = pending.get(endpoint);
    if (failure == null) {
      return Optional.empty();
    }
    if (failure.count() == 1) {
      pending.remove(endpoint);
    } else {
      pending.put(endpoint, failure.oneLess());
    }
    return Optional.of(failure);
  }

  synchronized void clear() {
    pending.clear();
  }
}
