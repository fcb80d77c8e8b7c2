package dev.miandeng.adapter.redis;

import java.util.List;
import java.util.function.ToIntFunction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Walks the keys matching a pattern with {@code SCAN} (never {@code KEYS}, which blocks Redis for
 * the whole keyspace) and hands them to a script in batches; for the housekeeping sweeps.
 */
final class KeyScan {

  private static final int BATCH = 500;

  private KeyScan() {}

  /** Runs {@code perBatch} on every batch of keys matching {@code pattern}; sums its results. */
  static int sum(
      UnifiedJedis redis,
      RedisErrors errors,
      String pattern,
      String operation,
      ToIntFunction<List<String>> perBatch) {
    return errors.guard(
        operation,
        () -> {
          ScanParams params = new ScanParams().match(pattern).count(BATCH);
          String cursor = ScanParams.SCAN_POINTER_START;
          int total = 0;
          do {
            ScanResult<String> page = redis.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
              total += perBatch.applyAsInt(page.getResult());
            }
            cursor = page.getCursor();
          } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
          return total;
        });
  }
}
