package dev.miandeng.simulator;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Feishu on 127.0.0.1: the auth-center endpoints, the browser authorize page, the
 * JSAPI shim and a control API, so the app can be developed, demoed and tested end to end without a
 * tenant. One origin serves both of Feishu's hosts (OpenAPI and accounts).
 *
 * <pre>{@code
 * try (FeishuSimulator sim = FeishuSimulator.start(SimulatorSettings.defaults())) {
 *   String base = sim.baseUrl(); // OpenAPI base and accounts base
 * }
 * }</pre>
 */
public final class FeishuSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeishuSimulator.class);
  private static final String LOOPBACK = "127.0.0.1";

  /** No legitimate request to the simulator comes near this; bigger bodies get HTTP 413. */
  static final long MAX_REQUEST_BYTES = 64 * 1024;

  private final Javalin server;
  private final String baseUrl;
  private final AppCredentials app;
  private final Roster roster;
  private final PublicAddress address;
  private final SimulatorControl control;

  private FeishuSimulator(
      Javalin server,
      String baseUrl,
      AppCredentials app,
      Roster roster,
      PublicAddress address,
      SimulatorControl control) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.app = app;
    this.roster = roster;
    this.address = address;
    this.control = control;
  }

  /** Builds the simulated auth center and starts serving it on 127.0.0.1. */
  public static FeishuSimulator start(SimulatorSettings settings) {
    var app = new AppCredentials(settings.appId(), settings.appSecret());
    var clock = settings.clock();
    Roster roster = Roster.from(settings.rosterFile());
    var address = new PublicAddress();
    var codes = new CodeStore(clock);
    var userTokens = new UserTokenStore(clock, settings.tokenLength());
    var appTokens = new RenewingTokenIssuer(clock, () -> appLevelToken(settings));
    var tenantTokens = new RenewingTokenIssuer(clock, () -> appLevelToken(settings));
    var tickets = new RenewingTokenIssuer(clock, () -> RandomTokens.opaque("", 32));
    var counters = new CallCounters();
    var conditions = new NetworkConditions();
    var failures = new FailureInjector();
    var legacyShape = new LegacyErrorShape();
    var client = new ClientSimulation(roster);
    var gate = new AuthCenterGate(counters, conditions, failures, legacyShape);
    var exchange = new CodeExchange(codes, userTokens, roster);
    var control =
        new SimulatorControl(
            app,
            settings.enabledScopes(),
            roster,
            codes,
            userTokens,
            counters,
            conditions,
            failures,
            client,
            legacyShape,
            tickets,
            appTokens,
            tenantTokens,
            tickets);

    Javalin server =
        Javalin.create(
            cfg -> {
              configureServer(cfg, settings.port());
              var routes = cfg.routes;
              new AppTokenRoutes(app, appTokens, tenantTokens).register(routes, gate);
              OAuthTokenRoutes.v2(app, exchange, userTokens).register(routes, gate);
              OAuthTokenRoutes.v3(app, settings.clientAssertion(), exchange, userTokens)
                  .register(routes, gate);
              new OidcRoutes(app, appTokens, exchange, userTokens).register(routes, gate);
              new UserInfoRoutes(userTokens, roster, address).register(routes, gate);
              new JssdkTicketRoutes(tenantTokens, tickets).register(routes, gate);
              new TaskRoutes(userTokens).register(routes, gate);
              new AuthorizeRoutes(
                      app,
                      settings.enabledScopes(),
                      new RedirectUris(settings.redirectUris()),
                      roster,
                      codes,
                      new AuthorizePage(address),
                      client)
                  .register(routes);
              new JsapiRoutes(client, codes, address, new JsapiConfigCheck(app, tickets, clock))
                  .register(routes);
              new AvatarRoutes(roster).register(routes);
              new ControlRoutes(control, new ControlPage(roster, client)).register(routes);
              routes.exception(IllegalArgumentException.class, FeishuSimulator::badRequest);
            });
    server.start();
    String baseUrl = "http://" + LOOPBACK + ":" + server.port();
    address.set(baseUrl);
    LOG.info("Feishu simulator listening on {} for app {}", baseUrl, app.appId());
    return new FeishuSimulator(server, baseUrl, app, roster, address, control);
  }

  private static void configureServer(JavalinConfig cfg, int port) {
    cfg.jetty.host = LOOPBACK;
    cfg.jetty.port = port;
    cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
    // Tokens of several KB travel as Bearer headers; Jetty's default (8 KB) would refuse them.
    cfg.jetty.modifyHttpConfiguration(
        http -> http.setRequestHeaderSize(SimulatorSettings.MAX_TOKEN_LENGTH + 8 * 1024));
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
  }

  /** App and tenant tokens: short opaque ones, or JWT-like ones of the configured length. */
  private static String appLevelToken(SimulatorSettings settings) {
    return settings.tokenLength() == 0
        ? RandomTokens.opaque("t-", 32)
        : RandomTokens.jwtLike(settings.tokenLength());
  }

  /** Malformed input: in the auth center's shape on its paths, plainly on the control API. */
  private static void badRequest(IllegalArgumentException e, Context ctx) {
    if (ctx.path().equals(OAuthTokenRoutes.PATH)) {
      AuthCenterErrors.send(
          ctx, SimulatedEndpoint.OAUTH_TOKEN, 400, ErrorCatalog.INVALID_REQUEST, e.getMessage());
    } else if (ctx.path().equals(OAuthTokenRoutes.V3_PATH)) {
      AuthCenterErrors.send(
          ctx, SimulatedEndpoint.OAUTH_V3_TOKEN, 400, ErrorCatalog.INVALID_REQUEST, e.getMessage());
    } else if (ctx.path().startsWith("/open-apis/")) {
      Json.send(ctx, 400, Map.of("code", ErrorCatalog.BAD_REQUEST, "msg", "Bad Request"));
    } else {
      Json.send(ctx, 400, Map.of("error", "bad_request", "message", e.getMessage()));
    }
  }

  /** The OpenAPI base and the accounts base, e.g. "http://127.0.0.1:43123" (no trailing slash). */
  public String baseUrl() {
    return baseUrl;
  }

  public String appId() {
    return app.appId();
  }

  public String appSecret() {
    return app.appSecret();
  }

  /** The roster, each user's avatarUrl resolved to an absolute URL. */
  public List<SimulatedUser> roster() {
    return roster.users().stream()
        .map(user -> user.withAvatarUrl(address.avatarUrlOf(user)))
        .toList();
  }

  /** The JSAPI shim the page loads in place of Feishu's JSSDK, e.g. ".../jsapi/h5sdk.js". */
  public String jssdkUrl() {
    return baseUrl + JsapiRoutes.SHIM_PATH;
  }

  /**
   * The variables that point miandeng at this simulator instead of Feishu: App ID and secret, both
   * hosts, and the shim as the JSSDK. The app's public URL and redirect URI stay the app's own.
   */
  public Map<String, String> appEnvironment() {
    return Map.of(
        "FEISHU_APP_ID", appId(),
        "FEISHU_APP_SECRET", appSecret(),
        "FEISHU_OPEN_API_BASE_URL", baseUrl,
        "FEISHU_ACCOUNTS_BASE_URL", baseUrl,
        "FEISHU_JSSDK_URL", jssdkUrl());
  }

  public SimulatorControl control() {
    return control;
  }

  @Override
  public void close() {
    server.stop();
  }
}
