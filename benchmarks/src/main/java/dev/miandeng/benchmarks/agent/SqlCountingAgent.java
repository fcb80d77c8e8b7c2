package dev.miandeng.benchmarks.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Java agent that counts, from outside the app's code, every SQL statement the app prepares: it
 * replaces each JDBC driver registered with {@link DriverManager} (H2's, PostgreSQL's: HikariCP
 * finds its driver there from the URL) by a wrapper whose connections count {@code
 * prepareStatement}, {@code prepareCall} and {@code createStatement} calls by their SQL text. The
 * counts are served as text on {@code GET http://127.0.0.1:PORT/sql}, one {@code count<TAB>sql}
 * line each, the total first.
 *
 * <p>{@code java -javaagent:benchmarks/target/sql-counting-agent.jar=PORT -jar
 * app/target/miandeng.jar}. JDK classes only, so it adds nothing to the app's classpath; the cost
 * is one map lookup per statement, paid only on the paths that reach the database.
 */
public final class SqlCountingAgent {

  /** The path the counts are served at. */
  public static final String PATH = "/sql";

  private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
  private static final Set<String> COUNTED = Set.of("prepareStatement", "prepareCall");

  private SqlCountingAgent() {}

  public static void premain(String args, Instrumentation instrumentation)
      throws SQLException, IOException {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      DriverManager.deregisterDriver(driver);
      DriverManager.registerDriver(new CountingDriver(driver));
    }
    HttpServer server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args)), 0);
    server.createContext(
        PATH,
        exchange -> {
          byte[] body = report().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private static String report() {
    Map<String, Long> sorted = new TreeMap<>();
    COUNTS.forEach((sql, count) -> sorted.put(sql, count.sum()));
    long total = sorted.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder out = new StringBuilder().append(total).append("\ttotal\n");
    sorted.forEach((sql, count) -> out.append(count).append('\t').append(sql).append('\n'));
    return out.toString();
  }

  private static void count(String sql) {
    COUNTS.computeIfAbsent(sql.replaceAll("\\s+", " ").strip(), k -> new LongAdder()).increment();
  }

  /** Connections of the wrapped driver count their statements; all else is the driver's. */
  private record CountingDriver(Driver driver) implements Driver {

    @Override
    public Connection connect(String url, java.util.Properties info) throws SQLException {
      Connection connection = driver.connect(url, info);
      return connection == null ? null : counting(connection);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
      return driver.acceptsURL(url);
    }

    @Override
    public java.sql.DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info)
        throws SQLException {
      return driver.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
      return driver.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
      return driver.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
      return driver.jdbcCompliant();
    }

    @Override
    public java.util.logging.Logger getParentLogger()
        throws java.sql.SQLFeatureNotSupportedException {
      return driver.getParentLogger();
    }

    private static Connection counting(Connection connection) {
      return (Connection)
          Proxy.newProxyInstance(
              SqlCountingAgent.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (COUNTED.contains(method.getName()) && args != null && args.length > 0) {
                  count(String.valueOf(args[0]));
                } else if (method.getName().equals("createStatement")) {
                  count("(a plain Statement)");
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
