package dev.miandeng.adapter.persistence.jdbi;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Retries a call until it succeeds or a generous deadline passes, for recovery that happens in the
 * background (the pool reconnecting). Not a timing assertion: the deadline only stops a hung test.
 */
final class Eventually {

  private Eventually() {}

  static <T> T succeeds(Duration deadline, Callable<T> call) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      try {
        return call.call();
      } catch (Exception e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
