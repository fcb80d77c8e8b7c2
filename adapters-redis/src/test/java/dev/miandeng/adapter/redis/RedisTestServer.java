package dev.miandeng.adapter.redis;

import dev.miandeng.domain.fixtures.OutsideService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis for tests, as a JUnit extension registered in a static field: the URL in {@value #URL_ENV}
 * (e.g. {@code redis://127.0.0.1:6379/0}; {@code bin/test} sets it when {@code redis-cli ping}
 * answers). Without it the tests are skipped with a loud message, unless {@code CI=true}, where
 * they fail.
 *
 * <p>Also used by the app's two-instance test (this module's test-jar).
 *
 * <p>Every test gets its own key prefix ({@code miandeng-test-<random>:}), so runs and tests that
 * share the server never see each other's keys; the keys are deleted and the stores closed after
 * each test.
 */
public final class RedisTestServer implements BeforeAllCallback, AfterEachCallback {

  public static final String URL_ENV = "MIANDENG_TEST_REDIS_URL";

  /** One server per JVM: located once, shared by every test class. */
  private static URI server;

  private final List<RedisStores> openStores = new ArrayList<>();
  private final List<String> prefixes = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (RedisTestServer.class) {
      if (server == null) {
        server = locate();
      }
    }
  }

  private static URI locate() {
    String url = System.getenv(URL_ENV);
    if (url != null && !url.isBlank()) {
      return URI.create(url.strip());
    }
    String why =
        "NO REDIS FOR THE TESTS: set "
            + URL_ENV
            + " (e.g. redis://127.0.0.1:6379/0; bin/test does when redis-cli ping answers).";
    return OutsideService.missing("Redis", why);
  }

  /** Settings for the test server under a key prefix nothing else uses. */
  public RedisSettings freshSettings() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    String prefix = "miandeng-test-" + HexFormat.of().formatHex(bytes) + ":";
    prefixes.add(prefix);
    // A patient timeout: the build machine may be busy; the outage tests set their own.
    return RedisSettings.of(server.toString(), "")
        .withKeyPrefix(prefix)
        .withTimeout(Duration.ofSeconds(5));
  }

  /** Stores on {@code settings}, closed after the test. */
  RedisStores open(RedisSettings settings, Clock clock) {
    RedisStores stores = RedisStores.open(settings, clock);
    openStores.add(stores);
    return stores;
  }

  RedisStores openFresh(Clock clock) {
    return open(freshSettings(), clock);
  }

  /** The server's TCP address, for tests that put a proxy in front of it. */
  public InetSocketAddress address() {
    return new InetSocketAddress(
        server.getHost(), server.getPort() == -1 ? 6379 : server.getPort());
  }

  /** A plain client on the test server, to look at what the adapter wrote. */
  static RedisClient inspector() {
    return RedisClient.create(server);
  }

  /** Every key under {@code prefix}. */
  static List<String> keysUnder(RedisClient client, String prefix) {
    List<String> keys = new ArrayList<>();
    ScanParams params = new ScanParams().match(prefix + "*").count(500);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, params);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    return keys;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    openStores.forEach(RedisStores::close);
    openStores.clear();
    try (RedisClient client = inspector()) {
      for (String prefix : prefixes) {
        List<String> keys = keysUnder(client, prefix);
        if (!keys.isEmpty()) {
          client.del(keys.toArray(String[]::new));
        }
      }
    }
    prefixes.clear();
  }
}
