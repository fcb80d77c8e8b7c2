package dev.miandeng.adapter.web;

import dev.miandeng.application.UseCases;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.store.StoreUnavailableException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web adapter: a Javalin server with the page, the JSON API, the browser-login callback and
 * health. Built by hand from the use cases; {@link #start()} binds, {@link #stop()} drains.
 *
 * <p>Request pipeline: Jetty (header size limit, no Server header, JSON error pages) → security
 * headers → in-flight counter → Javalin before-filter (request id, method/path guard, CSRF guard) →
 * route → one error mapper (refusals, the ports' outages, framework errors, the unexpected).
 */
public final class WebServer implements AutoCloseable {

  /**
   * The path of the browser-login callback: the OAuth {@code redirect_uri} must be the public
   * origin plus this path, registered in the developer console (SEC-19).
   */
  public static final String CALLBACK_PATH = "/callback";

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * The listen backlog: connections the kernel completes and holds before Jetty accepts them.
   * Jetty's default (0) leaves the JDK's 50, which a burst of page loads overflows (a dropped
   * connection attempt costs its browser a 1 s SYN retry). Linux caps it at {@code
   * net.core.somaxconn}.
   */
  static final int ACCEPT_QUEUE_SIZE = 1024;

  private final WebSettings settings;
  private final Health health;
  private final InFlightRequests inFlight = new InFlightRequests();
  private final WebMetrics metrics;
  private final Javalin javalin;

  /**
   * @param useCases the driving ports; the routes call all but the sweep (the composition root
   *     schedules that)
   * @param readiness whether this instance should receive traffic (for instance: the store answers)
   * @param settings validated web settings
   * @param clock the time for rate-limit windows and security events
   */
  public WebServer(
      UseCases useCases, BooleanSupplier readiness, WebSettings settings, Clock clock) {
    this(useCases, readiness, settings, clock, new SimpleMeterRegistry());
  }

  /**
   * As above, counting into {@code meters} what {@link WebMetrics} lists.
   *
   * @param meters where the web adapter's meters live (the app serves it on its management port)
   */
  public WebServer(
      UseCases useCases,
      BooleanSupplier readiness,
      WebSettings settings,
      Clock clock,
      MeterRegistry meters) {
    Objects.requireNonNull(useCases, "useCases");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    this.health = new Health(readiness);
    this.metrics = new WebMetrics(meters);

    ClientAddress clients = new ClientAddress(settings.trustedProxies());
    SecurityEvents events = new SecurityEvents(clock, clients);
    AppCookies cookies =
        new AppCookies(
            settings.secureCookies(), settings.embedMode(), WebSettings.LOGIN_COOKIE_MAX_AGE);
    LoginRateLimiter rateLimiter =
        new LoginRateLimiter(
            settings.loginRateLimit(),
            settings.loginRateLimitPerAddress(),
            WebSettings.LOGIN_RATE_WINDOW,
            clock,
            clients,
            cookies,
            metrics);
    Outages outages = new Outages(WebSettings.DEFAULT_RETRY_AFTER, metrics);
    ErrorResponses errors = new ErrorResponses(FailurePage.load(WebSettings.STATIC_FILES_ROOT));
    Json json = new Json(WebSettings.MAX_REQUEST_BODY_BYTES);
    SecurityHeaders headers = new SecurityHeaders(settings);
    PathGuard pathGuard = new PathGuard();
    CsrfGuard csrf = new CsrfGuard(settings.publicOrigin(), events);
    LoginFinisher finisher = new LoginFinisher(useCases.finishLogin(), cookies, events, metrics);
    ClientErrorBeacon beacon = new ClientErrorBeacon(json, rateLimiter, metrics);
    JsapiConfigApi jsapiConfig =
        new JsapiConfigApi(useCases.signJsapiConfig(), settings.publicOrigin(), json, rateLimiter);
    SessionApi api =
        new SessionApi(useCases, settings, cookies, json, rateLimiter, finisher, events);
    TasksApi tasks = new TasksApi(api, useCases.listMyTasks(), errors);
    BrowserLogin browserLogin =
        new BrowserLogin(
            useCases.startBrowserLogin(), finisher, settings, cookies, rateLimiter, events);

    this.javalin =
        Javalin.create(
            cfg -> {
              configureServer(cfg, headers);
              configureStaticFiles(cfg);
              cfg.routes.before(
                  ctx -> {
                    RequestIds.assign(ctx);
                    UpstreamTime.begin();
                    pathGuard.check(ctx);
                    csrf.check(ctx);
                    json.checkDeclaredLength(ctx);
                  });
              // HEAD answers as GET does, status and headers, so a balancer probing readiness
              // with HEAD sees a 503 (RFC 9110 §9.3.2). Not /login nor the callback: those
              // store or consume a login state, and HEAD must not change anything (SEC-13).
              getAndHead(cfg, "/api/config", api::config);
              cfg.routes.post("/api/login/nonce", api::issueNonce);
              cfg.routes.post("/api/session", api::logIn);
              getAndHead(cfg, "/api/me", api::me);
              getAndHead(cfg, "/api/me/tasks", tasks::myTasks);
              cfg.routes.post("/api/logout", api::logOut);
              cfg.routes.post("/api/logout-everywhere", api::logOutEverywhere);
              cfg.routes.post(ClientErrorBeacon.PATH, beacon::report);
              cfg.routes.post(JsapiConfigApi.PATH, jsapiConfig::config);
              // GET alone: a HEAD (a link preview) must neither store a login state nor spend a
              // code (SEC-13).
              cfg.routes.get(BrowserLogin.START_PATH, browserLogin::start);
              cfg.routes.get(CALLBACK_PATH, browserLogin::callback);
              getAndHead(cfg, "/health/live", health::live);
              getAndHead(cfg, "/health/ready", health::ready);
              cfg.routes.exception(RequestRejectedException.class, (e, ctx) -> errors.send(ctx, e));
              // The use cases let the ports' outages through: answered here, once for every route.
              cfg.routes.exception(
                  AuthCenterUnavailableException.class,
                  (e, ctx) -> errors.send(ctx, outages.authCenterUnavailable(e, isLogin(ctx))));
              cfg.routes.exception(
                  StoreUnavailableException.class,
                  (e, ctx) -> errors.send(ctx, outages.storeUnavailable(e)));
              cfg.routes.exception(
                  AuthCenterMisconfiguredException.class,
                  (e, ctx) -> errors.send(ctx, outages.authCenterMisconfigured(e, isLogin(ctx))));
              cfg.routes.exception(
                  HttpResponseException.class, (e, ctx) -> frameworkError(errors, e, ctx));
              cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(errors, e, ctx));
              cfg.routes.after(
                  ctx -> {
                    UpstreamTime.end(ctx);
                    RequestIds.clear();
                  });
            });
  }

  /**
   * Binds and starts serving; returns the bound port (useful with port 0).
   *
   * @throws PortInUseException when another process holds the address
   */
  public int start() {
    try {
      javalin.start(settings.host(), settings.port());
    } catch (JavalinBindException e) {
      throw new PortInUseException(settings.host(), settings.port(), e);
    }
    metrics.bindServer(javalin.jettyServer().server());
    LOG.info(
        "web adapter listening on {}:{} as {}", settings.host(), port(), settings.publicBaseUrl());
    return port();
  }

  public int port() {
    return javalin.port();
  }

  /**
   * Graceful stop (REL-10), what SIGTERM runs: readiness turns 503 at once; for the shutdown delay
   * the server keeps serving every request normally, so the load balancer sees the 503 on its next
   * probe and stops sending traffic while nothing is refused yet; then requests in flight get up to
   * the grace period to finish, and the server closes. Blocks for at most delay + grace.
   */
  public void stop() {
    health.startDraining();
    try {
      Thread.sleep(settings.shutdownDelay());
      if (!inFlight.awaitIdle(settings.shutdownGrace())) {
        LOG.warn("stopping with requests still in flight after {}", settings.shutdownGrace());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    javalin.stop();
  }

  @Override
  public void close() {
    stop();
  }

  /** Whether the auth center failed a login (every route that calls it but the JSAPI signature). */
  private static boolean isLogin(Context ctx) {
    return !JsapiConfigApi.PATH.equals(ctx.path());
  }

  /**
   * A GET route and the HEAD of the same handler: servers must support both (RFC 9110 §9.1), and
   * with a GET route alone Javalin answers HEAD with an empty 200 whatever GET would answer. Only
   * the browser login's start and callback keep GET alone, on purpose (SEC-13).
   */
  private static void getAndHead(JavalinConfig cfg, String path, Handler handler) {
    cfg.routes.get(path, handler);
    cfg.routes.head(path, handler);
  }

  private void configureServer(JavalinConfig cfg, SecurityHeaders headers) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.concurrency.useVirtualThreads = true;
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = WebSettings.MAX_REQUEST_BODY_BYTES;
    cfg.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(settings.host());
          connector.setPort(settings.port());
          connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
          return connector;
        });
    cfg.jetty.modifyServer(
        server -> {
          server.insertHandler(inFlight);
          server.insertHandler(staticFilesCompression());
          server.insertHandler(headers);
          server.setErrorHandler(new JettyErrorPages(headers));
          if (settings.accessLog()) {
            server.setRequestLog(new AccessLog());
          }
        });
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
          http.setRequestHeaderSize(WebSettings.MAX_REQUEST_HEADER_BYTES);
          // No per-connection header field cache. Jetty's (1,024 entries) is a 96 KB table built
          // on a connection's second request and kept while it idles: bin/bench memory found
          // 107.3 KiB of heap per idle keep-alive connection with it, 4.5 KiB without, and the
          // login run's thousand idle browsers held 100 MB. It spares a few small objects per
          // request only where a connection repeats its headers; a page makes a few requests.
          http.setHeaderCacheSize(0);
        });
    // Sessions are ours (a cookie we parse). The servlet session handler Javalin installs tracks
    // nothing: it must never read an id from a URL (SEC-06), and reading none from cookies
    // spares it parsing every request's cookies in search of a JSESSIONID.
    cfg.jetty.modifyServletContextHandler(
        context -> context.getSessionHandler().setSessionTrackingModes(Set.of()));
    // Compression is for the static files alone (see staticFilesCompression); Javalin's own
    // would wrap every response, the small JSON answers included, in its compressing stream.
    cfg.http.compressionStrategy = CompressionStrategy.NONE;
  }

  /**
   * Gzip for the page and its assets when the browser accepts it (a few KB each, worth it on a
   * phone's network); nothing else passes through the compressor.
   */
  private static GzipHandler staticFilesCompression() {
    GzipHandler gzip = new GzipHandler();
    // "/" as a servlet path spec would match every path; "" is the spec of the root alone. Not a
    // regex ("^/$"): every request, the API's too, is tested against these paths.
    gzip.setIncludedPaths("", "/index.html", "/assets/*");
    return gzip;
  }

  private void configureStaticFiles(JavalinConfig cfg) {
    String root = WebSettings.STATIC_FILES_ROOT;
    if (WebServer.class.getResource(root + "/index.html") == null) {
      LOG.warn("no {}/index.html on the classpath: the page will not be served", root);
      return;
    }
    // One handler for the page and its assets: each classpath handler mounts the whole jar as a
    // zip file system. SecurityHeaders sets their Cache-Control.
    cfg.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = root;
          files.location = Location.CLASSPATH;
          // None of Javalin's own (its default Cache-Control would replace ours).
          files.headers = Map.of();
        });
  }

  private static void frameworkError(ErrorResponses errors, HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    if (status == 405) {
      allowedMethods(e).ifPresent(methods -> ctx.header("Allow", methods));
    }
    String code =
        switch (status) {
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 413 -> "payload_too_large";
          case 415 -> "unsupported_media_type";
          default -> status >= 500 ? "internal_error" : "bad_request";
        };
    String message =
        switch (status) {
          case 404 -> "There is nothing at this address.";
          case 405 -> "This method is not allowed here.";
          default -> "The request could not be processed.";
        };
    errors.send(ctx, status, code, message, Optional.empty());
  }

  /**
   * The methods the path has routes for, as Javalin's 405 details list them ("GET, POST"): a 405
   * must say them in {@code Allow} (RFC 9110 §15.5.6). Javalin names the detail after the answer's
   * shape, {@code availableMethods} for JSON and {@code Available methods} for HTML.
   */
  private static Optional<String> allowedMethods(HttpResponseException e) {
    Map<String, String> details = e.getDetails();
    return Optional.ofNullable(details.get("availableMethods"))
        .or(() -> Optional.ofNullable(details.get("Available methods")));
  }

  private static void unexpected(ErrorResponses errors, Exception e, Context ctx) {
    LOG.error("unexpected failure handling {} {}", ctx.method(), ctx.path(), e);
    errors.send(ctx, 500, "internal_error", "Something went wrong on our side.", Optional.empty());
  }
}
