package dev.miandeng.adapter.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The housekeeping sweeps: walks the keys matching a pattern with {@code SCAN} (never {@code KEYS},
 * which blocks Redis for the whole keyspace) and runs a Lua script on every batch, the batch as its
 * {@code KEYS}; the script decides what is over and returns how many keys it deleted.
 */
final class KeyScan {

  private static final int BATCH = 500;

  private KeyScan() {}

  /** Runs {@code script} with {@code args} on every batch of keys matching {@code pattern}. */
  static int sweep(
      UnifiedJedis redis,
      RedisErrors errors,
      String operation,
      String pattern,
      String script,
      List<String> args) {
    return errors.guard(
        operation,
        () -> {
          ScanParams params = new ScanParams().match(pattern).count(BATCH);
          String cursor = ScanParams.SCAN_POINTER_START;
          int deleted = 0;
          do {
            ScanResult<String> page = redis.scan(cursor, params);
            if (!page.getResult().isEmpty()) {
              deleted += ((Long) redis.eval(script, page.getResult(), args)).intValue();
            }
            cursor = page.getCursor();
          } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
          return deleted;
        });
  }
}
