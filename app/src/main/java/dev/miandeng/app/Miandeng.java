package dev.miandeng.app;

import dev.miandeng.adapter.feishu.FeishuIdentityLookup;
import dev.miandeng.adapter.feishu.FeishuMyTasks;
import dev.miandeng.adapter.feishu.FeishuUserTokenRefresher;
import dev.miandeng.adapter.feishu.JssdkSigner;
import dev.miandeng.adapter.web.WebServer;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.HttpConfig;
import dev.miandeng.application.CoreSettings;
import dev.miandeng.application.DrivenPorts;
import dev.miandeng.application.UseCases;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part by hand from the typed configuration, in dependency order
 * (stores, identity lookup, use cases, web), and closes them in reverse. No container, no scanning:
 * reading this class is reading the wiring.
 */
public final class Miandeng implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Miandeng.class);

  private final URI url;
  private final Deque<AutoCloseable> parts;
  private final Optional<Management> management;
  private final UseCases useCases;

  private Miandeng(
      URI url, Deque<AutoCloseable> parts, Optional<Management> management, UseCases useCases) {
    this.url = url;
    this.parts = parts;
    this.management = management;
    this.useCases = useCases;
  }

  /** Starts everything; if any part fails to start, the parts already started are closed again. */
  public static Miandeng start(AppConfig config, Clock clock) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      HttpConfig http = config.http();
      int port = http.port() == 0 ? FreePort.find(http.host()) : http.port();
      URI publicUrl = http.publicBaseUrlOr(port);

      PrometheusMeterRegistry meters = Management.newRegistry();
      started.push(meters::close);
      // Started before the rest, so closed after them (parts close in reverse): Prometheus keeps
      // scraping through the shutdown delay and the drain (REL-10) and gets their counts too.
      Optional<Management> management = Management.start(config.operations(), meters);
      management.ifPresent(started::push);
      Stores stores = Stores.open(config.persistence(), clock, meters);
      started.push(stores);
      FeishuIdentityLookup identityLookup =
          FeishuIdentityLookup.create(config.identity(), clock, meters);

      UseCases useCases =
          UseCases.wire(
              new DrivenPorts(
                  identityLookup,
                  stores.users(),
                  stores.sessions(),
                  stores.loginStates(),
                  stores.userTokens(),
                  FeishuUserTokenRefresher.create(config.identity(), clock, meters),
                  JssdkSigner.create(config.identity(), clock, meters),
                  FeishuMyTasks.create(config.identity(), meters)),
              new CoreSettings(config.tenants(), config.sessionPolicy(), config.loginTtl()),
              clock,
              new SecureRandom());

      WebServer web =
          new WebServer(
              useCases,
              stores::isReady,
              http.webSettings(port, identityLookup.clientLoginSettings()),
              clock,
              meters);
      web.start();
      started.push(web);
      started.push(Housekeeping.start(useCases.sweepExpired()));
      return new Miandeng(publicUrl, started, management, useCases);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** Where browsers open the app. */
  public URI url() {
    return url;
  }

  /** The core as the web adapter sees it: for tests that drive a use case no route calls yet. */
  UseCases useCases() {
    return useCases;
  }

  /** Where Prometheus scrapes, when a management port is configured. */
  public Optional<URI> metricsUrl() {
    return management.map(m -> URI.create("http://127.0.0.1:" + m.port() + Management.PATH));
  }

  /** Stops accepting work, drains in-flight requests (REL-10), then closes the pools. */
  @Override
  public void close() {
    LOG.info("stopping: readiness answers 503, in-flight requests may finish");
    closeAll(parts);
    LOG.info("stopped");
  }

  private static void closeAll(Deque<AutoCloseable> parts) {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("could not close {} cleanly: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
