package dev.miandeng.adapter.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts requests between arrival and the last byte of their answer, at the outermost Jetty handler
 * so static files and error pages count too. {@link #awaitIdle(Duration)} lets a stop wait for them
 * (REL-10).
 */
final class InFlightRequests extends Handler.Wrapper {

  private final AtomicInteger count = new AtomicInteger();

  /** Only the stop waits on it, so a request takes it only when it leaves the server idle. */
  private final Object idle = new Object();

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    enter();
    AtomicBoolean left = new AtomicBoolean();
    Runnable leaveOnce =
        () -> {
          if (left.compareAndSet(false, true)) {
            leave();
          }
        };
    try {
      boolean handled = super.handle(request, response, Callback.from(callback, leaveOnce));
      if (!handled) {
        leaveOnce.run();
      }
      return handled;
    } catch (Exception | Error e) {
      leaveOnce.run();
      throw e;
    }
  }

  /** Waits until no request is in flight or the grace period is over; true when idle. */
  boolean awaitIdle(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (count.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
      return true;
    }
  }

  private void enter() {
    count.incrementAndGet();
  }

  private void leave() {
    if (count.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }
}
