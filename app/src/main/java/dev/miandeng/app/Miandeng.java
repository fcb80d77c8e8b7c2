package dev.miandeng.app;

import dev.miandeng.adapter.feishu.FeishuIdentityLookup;
import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.adapter.web.WebServer;
import dev.miandeng.adapter.web.WebSettings;
import dev.miandeng.adapter.web.WebUseCases;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.HttpConfig;
import dev.miandeng.app.config.IdentityConfig;
import dev.miandeng.app.config.ServedUrls;
import dev.miandeng.application.login.FinishLoginService;
import dev.miandeng.application.login.IssueLoginNonceService;
import dev.miandeng.application.login.StartBrowserLoginService;
import dev.miandeng.application.session.CurrentUserService;
import dev.miandeng.application.session.LogOutEverywhereService;
import dev.miandeng.application.session.LogOutService;
import dev.miandeng.domain.identity.IdentityLookup;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.SimulatorSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part by hand from the typed configuration, in dependency order
 * (simulator, stores, identity lookup, use cases, web), and closes them in reverse. No container,
 * no scanning: reading this class is reading the wiring.
 */
public final class Miandeng implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Miandeng.class);

  private final URI url;
  private final Optional<FeishuSimulator> simulator;
  private final Deque<AutoCloseable> parts;
  private final Optional<Management> management;

  private Miandeng(
      URI url,
      Optional<FeishuSimulator> simulator,
      Deque<AutoCloseable> parts,
      Optional<Management> management) {
    this.url = url;
    this.simulator = simulator;
    this.parts = parts;
    this.management = management;
  }

  /** Starts everything; if any part fails to start, the parts already started are closed again. */
  public static Miandeng start(AppConfig config, Clock clock) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      HttpConfig http = config.http();
      int port = http.port() == 0 ? FreePort.find(http.host()) : http.port();
      URI publicUrl = http.publicBaseUrlOr(port);

      Optional<FeishuSimulator> simulator = startSimulator(config.identity(), publicUrl, clock);
      simulator.ifPresent(started::push);
      PrometheusMeterRegistry meters = Management.newRegistry();
      started.push(meters::close);
      Stores stores = Stores.open(config.persistence(), clock, meters);
      started.push(stores);
      IdentityLookup identityLookup =
          FeishuIdentityLookup.create(
              feishuSettings(config.identity(), simulator, publicUrl), clock, meters);

      WebServer web =
          new WebServer(
              useCases(config, stores, identityLookup, clock),
              stores::isReady,
              webSettings(config, simulator, publicUrl, port),
              clock,
              meters);
      web.start();
      started.push(web);
      started.push(Housekeeping.start(stores.sessions(), stores.loginStates(), clock));
      Optional<Management> management = Management.start(config.operations(), meters);
      management.ifPresent(started::push);
      return new Miandeng(publicUrl, simulator, started, management);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** The simulator in simulator mode, its callback registered for this public URL; else empty. */
  static Optional<FeishuSimulator> startSimulator(
      IdentityConfig identity, URI publicUrl, Clock clock) {
    if (!(identity instanceof IdentityConfig.Simulator sim)) {
      return Optional.empty();
    }
    return Optional.of(
        FeishuSimulator.start(
            SimulatorSettings.defaults()
                .withPort(sim.port())
                .withClock(clock)
                .withRedirectUris(List.of(ServedUrls.callback(publicUrl).toString()))));
  }

  /** The Feign adapter's settings: the configured Feishu, or the running simulator's. */
  static FeishuSettings feishuSettings(
      IdentityConfig identity, Optional<FeishuSimulator> simulator, URI publicUrl) {
    return switch (identity) {
      case IdentityConfig.Feishu feishu -> feishu.settings();
      case IdentityConfig.Simulator sim -> {
        FeishuSimulator running = simulator.orElseThrow();
        URI base = URI.create(running.baseUrl());
        yield FeishuSettings.feishu(
                running.appId(), running.appSecret(), ServedUrls.callback(publicUrl).toString())
            .withHosts(base, base)
            .withScopes(sim.scopes())
            .withExchange(sim.exchange());
      }
    };
  }

  private static WebUseCases useCases(
      AppConfig config, Stores stores, IdentityLookup identityLookup, Clock clock) {
    SecureRandom random = new SecureRandom();
    return new WebUseCases(
        new IssueLoginNonceService(stores.loginStates(), config.loginTtl(), clock, random),
        new StartBrowserLoginService(
            identityLookup, stores.loginStates(), config.loginTtl(), clock, random),
        new FinishLoginService(
            identityLookup,
            stores.users(),
            stores.sessions(),
            stores.loginStates(),
            config.tenants(),
            config.sessionPolicy(),
            clock,
            random),
        new CurrentUserService(
            stores.sessions(), stores.users(), config.tenants(), config.sessionPolicy(), clock),
        new LogOutService(stores.sessions()),
        new LogOutEverywhereService(stores.sessions()));
  }

  private static WebSettings webSettings(
      AppConfig config, Optional<FeishuSimulator> simulator, URI publicUrl, int port) {
    HttpConfig http = config.http();
    WebSettings.Builder web =
        WebSettings.builder(publicUrl, appId(config.identity(), simulator))
            .host(http.host())
            .port(port)
            .scopes(config.identity().scopes())
            .trustedProxies(http.trustedProxies())
            .loginRateLimit(http.loginRateLimitPerMinute(), Duration.ofMinutes(1))
            .loginRateLimitPerAddress(http.loginRateLimitPerAddressPerMinute())
            .shutdownDelay(http.shutdownDelay())
            .shutdownGrace(http.shutdownGrace());
    http.secureCookies().ifPresent(web::secureCookies);
    if (!http.embedOrigins().isEmpty()) {
      web.embedMode(true, http.embedOrigins());
    }
    switch (config.identity()) {
      case IdentityConfig.Feishu feishu ->
          web.mode(WebSettings.MODE_FEISHU).jssdkUrl(feishu.jssdkUrl());
      case IdentityConfig.Simulator sim -> {
        String origin = simulator.orElseThrow().baseUrl();
        // The shim, its code endpoint and the roster's avatars all live on the simulator's origin.
        web.mode(WebSettings.MODE_SIMULATOR)
            .jssdkUrl(URI.create(origin + "/jsapi/h5sdk.js"))
            .imgOrigins(Set.of(origin));
      }
    }
    return web.build();
  }

  private static String appId(IdentityConfig identity, Optional<FeishuSimulator> simulator) {
    return switch (identity) {
      case IdentityConfig.Feishu feishu -> feishu.settings().appId();
      case IdentityConfig.Simulator sim -> simulator.orElseThrow().appId();
    };
  }

  /** Where browsers open the app. */
  public URI url() {
    return url;
  }

  /** Where Prometheus scrapes, when a management port is configured. */
  public Optional<URI> metricsUrl() {
    return management.map(m -> URI.create("http://127.0.0.1:" + m.port() + Management.PATH));
  }

  /** The simulator, when the app runs on it (the zero-setup default). */
  public Optional<FeishuSimulator> simulator() {
    return simulator;
  }

  /**
   * Stops accepting work, drains in-flight requests (REL-10), then closes pools and the simulator.
   */
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
