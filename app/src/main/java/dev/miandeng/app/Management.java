package dev.miandeng.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.miandeng.app.config.OperationsConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: {@code GET /metrics}, every meter of the app in Prometheus' text format
 * (version 0.0.4), and nothing else (404 for other paths, 405 for other methods).
 *
 * <p>A port of its own, off by default and on loopback unless told otherwise, because the metrics
 * say how many logins fail, how the auth center answers and how the pools are sized: nothing a user
 * needs, much an attacker would like, and the public port sits behind the balancer that every user
 * reaches. Prometheus scrapes it from inside the deployment (set {@code MIANDENG_MANAGEMENT_HOST}
 * to the pod's address or {@code 0.0.0.0} for that, with the port closed to the outside).
 *
 * <p>Served by the JDK's {@link HttpServer} rather than a second Javalin: the composition root may
 * not use Javalin (the web adapter owns it, architecture rule 4), a scrape every 15 s needs none of
 * the public server's machinery (security headers, CSRF guard, rate limits, virtual threads), and
 * the JDK server costs no dependency. Requests run on its one dispatcher thread: scrapes are rare
 * and short.
 */
final class Management implements AutoCloseable {

  static final String PATH = "/metrics";

  /** Bytes of scrape text written to the connection at a time. */
  private static final int SCRAPE_BUFFER = 16 * 1024;

  /** Prometheus' text exposition format, what every Prometheus version scrapes. */
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(Management.class);

  private final HttpServer server;

  private Management(HttpServer server) {
    this.server = server;
  }

  /**
   * The registry every adapter counts into, with the standard JVM and process binders (memory, GC,
   * threads, class loading, CPU, uptime, file descriptors). Close it to stop the GC listener.
   */
  static PrometheusMeterRegistry newRegistry() {
    JvmGcMetrics gc = new JvmGcMetrics();
    PrometheusMeterRegistry registry =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) {
          @Override
          public void close() {
            gc.close();
            super.close();
          }
        };
    gc.bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    return registry;
  }

  /**
   * Serves {@code registry} on the configured port, or nothing when no port is configured.
   *
   * @throws UncheckedIOException when the address cannot be bound (the message names it)
   */
  static Optional<Management> start(OperationsConfig config, PrometheusMeterRegistry registry) {
    if (config.managementPort().isEmpty()) {
      return Optional.empty();
    }
    InetSocketAddress address =
        new InetSocketAddress(config.managementHost(), config.managementPort().get());
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on " + address + " (MIANDENG_MANAGEMENT_PORT)", e);
    }
    server.createContext("/", exchange -> answer(exchange, registry));
    server.start();
    Management management = new Management(server);
    LOG.info(
        "metrics on http://{}:{}{}", config.managementHost(), server.getAddress().getPort(), PATH);
    return Optional.of(management);
  }

  /** The bound port (useful with port 0). */
  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      // Written as it is formatted, in chunks: the whole text at once (scrape() as a String) is
      // one array of over a megabyte, which G1 places in humongous regions, and each such
      // allocation may start a concurrent cycle: two extra pauses of 10-20 ms per scrape
      // (bin/bench logins with -Xlog:gc).
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), SCRAPE_BUFFER)) {
        registry.scrape(out, CONTENT_TYPE);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
