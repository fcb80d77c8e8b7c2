package dev.miandeng.adapter.persistence.jdbi;

import dev.miandeng.domain.fixtures.OutsideService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL for tests, found in this order:
 *
 * <ol>
 *   <li>the JDBC URL in {@value #URL_ENV} (e.g. {@code
 *       jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 *   <li>a Testcontainers container, when a Docker engine is available;
 *   <li>none: the tests are skipped with a loud message, unless {@code CI=true}, where they fail.
 * </ol>
 *
 * Each fresh database is a new, uniquely named schema (the URL's {@code currentSchema}, which
 * Flyway adopts as its default schema), dropped after the test.
 */
final class PostgresTestDatabase extends TestDatabase {

  static final String URL_ENV = PostgresTestSchema.URL_ENV;

  /** One server per JVM: located once, shared by every test class. */
  private static DatabaseSettings server;

  private static PostgreSQLContainer container;

  /** The schema behind each database handed out, by its URL, to drop it again. */
  private final Map<String, PostgresTestSchema> schemas = new ConcurrentHashMap<>();

  static PostgresTestDatabase create() {
    return new PostgresTestDatabase();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    synchronized (PostgresTestDatabase.class) {
      if (server == null) {
        server = locate();
      }
    }
  }

  private static DatabaseSettings locate() {
    String url = System.getenv(URL_ENV);
    if (url != null && !url.isBlank()) {
      return DatabaseSettings.of(url.strip(), "", "");
    }
    if (DockerClientFactory.instance().isDockerAvailable()) {
      container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return DatabaseSettings.of(
          container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
    String why =
        "NO POSTGRESQL FOR THE TESTS: set "
            + URL_ENV
            + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) or run a Docker engine"
            + " for Testcontainers.";
    return OutsideService.missing("PostgreSQL", why);
  }

  @Override
  protected DatabaseSettings createDatabase() {
    PostgresTestSchema schema = PostgresTestSchema.on(server);
    DatabaseSettings settings = schema.settings();
    schemas.put(settings.jdbcUrl(), schema);
    return settings;
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) {
    PostgresTestSchema schema = schemas.remove(settings.jdbcUrl());
    if (schema != null) {
      schema.close();
    }
  }

  @Override
  protected String serverUrl() {
    return server.jdbcUrl();
  }

  @Override
  protected int defaultPort() {
    return 5432;
  }
}
