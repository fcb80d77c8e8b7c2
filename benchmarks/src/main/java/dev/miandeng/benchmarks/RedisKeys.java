package dev.miandeng.benchmarks;

import java.io.IOException;
import java.util.List;

/** Removes the keys a run left in Redis, with {@code redis-cli} when it is on the PATH. */
final class RedisKeys {

  private RedisKeys() {}

  /**
   * Deletes every key under {@code prefix}; says so when it cannot (the keys expire with the
   * sessions' own lifetimes anyway).
   */
  static void deleteQuietly(String redisUrl, String prefix) {
    String script =
        "redis-cli -u \"$1\" --scan --pattern \"$2*\" | xargs -r redis-cli -u \"$1\" del >/dev/null";
    try {
      Process process =
          new ProcessBuilder(List.of("sh", "-c", script, "sh", redisUrl, prefix))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (process.waitFor() != 0) {
        System.err.println("could not delete the Redis keys " + prefix + "* (redis-cli missing?)");
      }
    } catch (IOException e) {
      System.err.println("could not delete the Redis keys " + prefix + "*: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
