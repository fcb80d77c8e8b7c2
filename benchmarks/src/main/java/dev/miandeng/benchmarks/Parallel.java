package dev.miandeng.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/** Runs {@code n} tasks on virtual threads, at most {@code concurrency} at a time, in order. */
final class Parallel {

  private Parallel() {}

  /** The results by index; the first failure is rethrown once all tasks have ended. */
  static <T> List<T> run(int n, int concurrency, IntFunction<T> task) {
    Semaphore permits = new Semaphore(concurrency);
    List<Future<T>> futures = new ArrayList<>(n);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            threads.submit(
                () -> {
                  permits.acquire();
                  try {
                    return task.apply(index);
                  } finally {
                    permits.release();
                  }
                }));
      }
    }
    List<T> results = new ArrayList<>(n);
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime
            ? runtime
            : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return results;
  }
}
