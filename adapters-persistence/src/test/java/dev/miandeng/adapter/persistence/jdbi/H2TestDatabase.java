package dev.miandeng.adapter.persistence.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.h2.tools.Server;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * H2 for tests: in-memory databases in this JVM, or the same served by an H2 TCP server on a random
 * loopback port (so a test can put a proxy in front and cut it).
 */
final class H2TestDatabase extends TestDatabase {

  private final boolean overTcp;
  private Server server;

  private H2TestDatabase(boolean overTcp) {
    this.overTcp = overTcp;
  }

  static H2TestDatabase inMemory() {
    return new H2TestDatabase(false);
  }

  static H2TestDatabase overTcp() {
    return new H2TestDatabase(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (overTcp) {
      // -ifNotExists lets the tests create their in-memory databases remotely; loopback only.
      server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  protected DatabaseSettings createDatabase() {
    String name = "t" + HexFormat.of().formatHex(randomBytes());
    // DB_CLOSE_DELAY=-1 keeps the database while no connection is open (e.g. while cut off).
    String location =
        overTcp ? "tcp://127.0.0.1:" + server.getPort() + "/mem:" + name : "mem:" + name;
    return DatabaseSettings.of(
        "jdbc:h2:" + location + ";DB_CLOSE_DELAY=-1" + DatabaseSettings.H2_PORTABLE_MODE, "", "");
  }

  @Override
  protected void dropDatabase(DatabaseSettings settings) throws SQLException {
    try (Connection c = connect(settings);
        Statement s = c.createStatement()) {
      s.execute("shutdown");
    }
  }

  @Override
  protected String serverUrl() {
    return "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/";
  }

  @Override
  protected int defaultPort() {
    return 9092;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
