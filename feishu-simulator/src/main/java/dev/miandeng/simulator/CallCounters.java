package dev.miandeng.simulator;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls received per auth-center endpoint, failed ones included (tests prove caching with it). */
final class CallCounters {
  private final Map<SimulatedEndpoint, AtomicInteger> counts =
      new EnumMap<>(SimulatedEndpoint.class);

  CallCounters() {
    for (SimulatedEndpoint endpoint : SimulatedEndpoint.values()) {
      counts.put(endpoint, new AtomicInteger());
    }
  }

  void increment(SimulatedEndpoint endpoint) {
    counts.get(endpoint).incrementAndGet();
  }

  int count(SimulatedEndpoint endpoint) {
    return counts.get(endpoint).get();
  }

  /** Every endpoint by wire name, zeros included, in a stable order. */
  Map<String, Integer> snapshot() {
    Map<String, Integer> snapshot = new LinkedHashMap<>();
    counts.forEach((endpoint, count) -> snapshot.put(endpoint.wireName(), count.get()));
    return snapshot;
  }

  void reset() {
    counts.values().forEach(count -> count.set(0));
  }
}
