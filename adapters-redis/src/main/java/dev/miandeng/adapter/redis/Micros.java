package dev.miandeng.adapter.redis;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants as whole microseconds since the epoch, the unit stored in Redis: exact in a Lua number
 * (a double holds integers up to 2^53, about 285 years of microseconds), and the precision the JDBI
 * adapter keeps too, so both adapters return the same instants.
 */
final class Micros {

  private Micros() {}

  static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  static long of(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  static Instant instant(String micros) {
    long value = Long.parseLong(micros);
    return Instant.ofEpochSecond(
        Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000);
  }

  /** Milliseconds from {@code now} to {@code end}, rounded up; zero or less when it has passed. */
  static long millisUntil(Instant now, Instant end) {
    Duration left = Duration.between(now, end);
    return left.isNegative() || left.isZero() ? 0 : (left.toNanos() + 999_999) / 1_000_000;
  }
}
