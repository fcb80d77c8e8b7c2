package dev.miandeng.app;

import dev.miandeng.adapter.feishu.FeishuIdentityLookup;
import dev.miandeng.adapter.web.WebServer;
import dev.miandeng.adapter.web.WebUseCases;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.HttpConfig;
import dev.miandeng.application.login.FinishLoginService;
import dev.miandeng.application.login.IssueLoginNonceService;
import dev.miandeng.application.login.StartBrowserLoginService;
import dev.miandeng.application.session.CurrentUserService;
import dev.miandeng.application.session.LogOutEverywhereService;
import dev.miandeng.application.session.LogOutService;
import dev.miandeng.domain.identity.IdentityLookup;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
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

  private Miandeng(URI url, Deque<AutoCloseable> parts) {
    this.url = url;
    this.parts = parts;
  }

  /** Starts everything; if any part fails to start, the parts already started are closed again. */
  public static Miandeng start(AppConfig config, Clock clock) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      HttpConfig http = config.http();
      int port = http.port() == 0 ? FreePort.find(http.host()) : http.port();
      URI publicUrl = http.publicBaseUrlOr(port);

      Stores stores = Stores.open(config.persistence(), clock);
      started.push(stores);
      FeishuIdentityLookup identityLookup = FeishuIdentityLookup.create(config.identity(), clock);

      WebServer web =
          new WebServer(
              useCases(config, stores, identityLookup, clock),
              stores::isReady,
              http.webSettings(port, identityLookup.clientLoginSettings()),
              clock);
      web.start();
      started.push(web);
      started.push(Housekeeping.start(stores.sessions(), stores.loginStates(), clock));
      return new Miandeng(publicUrl, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
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

  /** Where browsers open the app. */
  public URI url() {
    return url;
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
