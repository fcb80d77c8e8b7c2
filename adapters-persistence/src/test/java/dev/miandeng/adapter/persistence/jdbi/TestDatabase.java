package dev.miandeng.adapter.persistence.jdbi;

import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database server for tests, as a JUnit extension: register it in a static field, then ask for
 * {@link #freshDatabase() fresh, isolated databases} and {@link #open open stores} on them. Stores
 * are closed and databases dropped after each test, so no test sees another's rows.
 */
abstract class TestDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?;]+)(?::(\\d+))?/");

  private final List<JdbiStores> openStores = new ArrayList<>();
  private final List<DatabaseSettings> databases = new ArrayList<>();

  /** Settings of a new, empty database (or schema) that nothing else uses. */
  final DatabaseSettings freshDatabase() {
    // A patient timeout: the build machine may be busy; the outage tests set their own.
    DatabaseSettings settings =
        createDatabase().withPoolSize(10).withConnectionTimeout(Duration.ofSeconds(5));
    databases.add(settings);
    return settings;
  }

  /** Stores on {@code settings} as in production, closed after the test. */
  final JdbiStores open(DatabaseSettings settings) {
    return track(JdbiStores.open(settings));
  }

  /**
   * Stores on {@code settings} whose caches count time with {@code ticker} and run their background
   * reloads on {@code cacheReloads}.
   */
  final JdbiStores open(DatabaseSettings settings, Ticker ticker, Executor cacheReloads) {
    return track(JdbiStores.open(settings, ticker, cacheReloads));
  }

  private JdbiStores track(JdbiStores stores) {
    openStores.add(stores);
    return stores;
  }

  /** Stores on a fresh database. */
  final JdbiStores openFresh() {
    return open(freshDatabase());
  }

  /** The server's TCP address, for tests that put a proxy in front of it. */
  final InetSocketAddress serverAddress() {
    Matcher m = HOST_PORT.matcher(serverUrl());
    if (!m.find()) {
      throw new IllegalStateException("this test database is not reached over TCP: " + serverUrl());
    }
    return new InetSocketAddress(
        m.group(1), m.group(2) == null ? defaultPort() : Integer.parseInt(m.group(2)));
  }

  /** The same settings, reaching the server through 127.0.0.1:{@code port} instead. */
  static DatabaseSettings reroute(DatabaseSettings settings, int port) {
    String url = HOST_PORT.matcher(settings.jdbcUrl()).replaceFirst("//127.0.0.1:" + port + "/");
    return new DatabaseSettings(
        url,
        settings.user(),
        settings.password(),
        settings.poolSize(),
        settings.connectionTimeout(),
        settings.cacheTtl(),
        settings.cacheMaxEntries());
  }

  static Connection connect(DatabaseSettings settings) throws SQLException {
    Properties props = new Properties();
    if (!settings.user().isEmpty()) {
      props.setProperty("user", settings.user());
    }
    if (!settings.password().isEmpty()) {
      props.setProperty("password", settings.password());
    }
    return DriverManager.getConnection(settings.jdbcUrl(), props);
  }

  protected abstract DatabaseSettings createDatabase();

  protected abstract void dropDatabase(DatabaseSettings settings) throws SQLException;

  protected abstract String serverUrl();

  protected abstract int defaultPort();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    // Subclasses start or locate their server here.
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    openStores.forEach(JdbiStores::close);
    openStores.clear();
    for (DatabaseSettings settings : databases) {
      dropDatabase(settings);
    }
    databases.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    // Subclasses stop what they started here.
  }
}
