package dev.miandeng.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/bench} measures and how, from environment variables (each with the default that
 * the README's figures use).
 *
 * @param rounds interleaved rounds of the side-by-side run ({@code ROUNDS}, 3); medians are taken
 * @param duration wrk's measured window per server and round ({@code DURATION}, {@code 15s})
 * @param warmup wrk's unmeasured run before it ({@code WARMUP}, {@code 15s}: long enough for the
 *     JIT to have compiled the bigger program too; {@code 0s} = none)
 * @param connections wrk connections ({@code CONNECTIONS}, 64)
 * @param threads wrk threads ({@code THREADS}, 2)
 * @param sessions real sessions the app is loaded with ({@code SESSIONS}, 1000)
 * @param jvmFlags flags of every server JVM ({@code JVM_FLAGS}, {@code -Xmx512m -XX:+UseG1GC})
 * @param appJar the packaged app ({@code APP_JAR}, {@code app/target/miandeng.jar})
 * @param benchJar this module's jar, for the bare server ({@code BENCH_JAR})
 * @param logins concurrent logins of the login load run ({@code LOGINS}, 1000)
 * @param loginWarmup unmeasured logins between the cold and the warm batch, run {@code logins} at a
 *     time ({@code LOGIN_WARMUP}, 8000): a server that has been up a while has its login path
 *     compiled; the cold batch shows one that has not
 * @param overheadLogins logins of the unloaded batch that measures a login's server overhead
 *     without CPU queueing ({@code OVERHEAD_LOGINS}, 1,000; 0 skips it)
 * @param authLatency the auth-center stub's fixed latency per call ({@code AUTH_LATENCY_MS}, 100)
 * @param exchange the app's code exchange in the login run ({@code EXCHANGE}, {@code oidc})
 * @param memorySessions sessions of the memory run ({@code MEMORY_SESSIONS}, 10000)
 * @param sessionsStore where the side-by-side app keeps sessions and pending logins ({@code
 *     SESSIONS_STORE}, {@code jdbc}: H2; {@code redis}: Redis at {@code REDIS_URL}, users in H2)
 * @param redisUrl the Redis of {@code SESSIONS_STORE=redis} ({@code REDIS_URL}, {@code
 *     redis://127.0.0.1:6379/0})
 * @param dbUrl the app's database instead of H2 in a fresh data directory ({@code DB_URL}, a {@code
 *     jdbc:postgresql:} URL of an empty database; empty: H2)
 */
record BenchOptions(
    int rounds,
    String duration,
    String warmup,
    int connections,
    int threads,
    int sessions,
    List<String> jvmFlags,
    Path appJar,
    Path benchJar,
    int logins,
    int loginWarmup,
    int overheadLogins,
    Duration authLatency,
    String exchange,
    int memorySessions,
    String sessionsStore,
    String redisUrl,
    String dbUrl) {

  static BenchOptions from(Map<String, String> env) {
    return new BenchOptions(
        positive(env, "ROUNDS", 3),
        Wrk.checkDuration(env.getOrDefault("DURATION", "15s")),
        Wrk.checkDuration(env.getOrDefault("WARMUP", "15s")),
        positive(env, "CONNECTIONS", 64),
        positive(env, "THREADS", 2),
        positive(env, "SESSIONS", 1000),
        Arrays.stream(env.getOrDefault("JVM_FLAGS", "-Xmx512m -XX:+UseG1GC").trim().split("\\s+"))
            .filter(flag -> !flag.isEmpty())
            .toList(),
        Path.of(env.getOrDefault("APP_JAR", "app/target/miandeng.jar")),
        Path.of(env.getOrDefault("BENCH_JAR", "benchmarks/target/benchmarks.jar")),
        positive(env, "LOGINS", 1000),
        nonNegative(env, "LOGIN_WARMUP", 8000),
        nonNegative(env, "OVERHEAD_LOGINS", 1000),
        Duration.ofMillis(nonNegative(env, "AUTH_LATENCY_MS", 100)),
        oneOf(env, "EXCHANGE", "oidc", List.of("oidc", "v2")),
        nonNegative(env, "MEMORY_SESSIONS", 10_000),
        oneOf(env, "SESSIONS_STORE", "jdbc", List.of("jdbc", "redis")),
        env.getOrDefault("REDIS_URL", "redis://127.0.0.1:6379/0"),
        env.getOrDefault("DB_URL", ""));
  }

  /** The SQL-counting Java agent, built next to this module's jar. */
  Path agentJar() {
    return benchJar.resolveSibling("benchmarks-agent.jar");
  }

  boolean warms() {
    return !warmup.matches("0+[smh]");
  }

  private static int positive(Map<String, String> env, String key, int fallback) {
    int value = nonNegative(env, key, fallback);
    if (value < 1) {
      throw new IllegalArgumentException(key + " must be at least 1");
    }
    return value;
  }

  private static int nonNegative(Map<String, String> env, String key, int fallback) {
    String raw = env.get(key);
    try {
      int value = raw == null ? fallback : Integer.parseInt(raw.trim());
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number ≥ 0, not " + raw);
    }
  }

  private static String oneOf(
      Map<String, String> env, String key, String fallback, List<String> allowed) {
    String value = env.getOrDefault(key, fallback);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(key + " must be one of " + allowed + ", not " + value);
    }
    return value;
  }
}
