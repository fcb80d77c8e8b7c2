package dev.miandeng.app.config;

import dev.miandeng.adapter.feishu.ExchangeFlavour;
import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.redis.RedisSettings;
import dev.miandeng.adapter.web.TrustedProxies;
import dev.miandeng.adapter.web.WebSettings;
import dev.miandeng.app.config.PersistenceConfig.LoginStatesStore;
import dev.miandeng.app.config.PersistenceConfig.SessionsStore;
import dev.miandeng.app.config.PersistenceConfig.UsersStore;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.session.SessionPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns {@link RawConfig} into {@link AppConfig}. Each name is read in exactly one place, so the
 * README's configuration table and this class list the same names; every invalid value stops
 * start-up with a message naming the variable.
 */
public final class AppConfigReader {

  private static final URI LARK_OPEN_API = URI.create("https://open.larksuite.com");
  private static final URI LARK_ACCOUNTS = URI.create("https://accounts.larksuite.com");

  private AppConfigReader() {}

  public static AppConfig read(RawConfig raw) {
    SessionPolicy policy = sessionPolicy(raw);
    HttpConfig http = http(raw);
    AppConfig config =
        new AppConfig(
            http,
            persistence(raw),
            identity(raw, http.publicBaseUrl()),
            policy,
            new TenantAllowList(new HashSet<>(raw.list("MIANDENG_ALLOWED_TENANTS"))),
            raw.duration("MIANDENG_LOGIN_TTL", PendingLogin.MAX_TTL),
            operations(raw, http));
    if (config.loginTtl().compareTo(PendingLogin.MAX_TTL) > 0) {
      throw new ConfigurationException("MIANDENG_LOGIN_TTL must be at most 10m (SEC-17)");
    }
    raw.rejectUnknownKeys();
    return config;
  }

  /**
   * How the app listens and how browsers reach it, alone: a launcher that must know the public URL
   * before the app starts (to register its callback somewhere) reads it with the app's own rules.
   */
  public static HttpConfig http(RawConfig raw) {
    Optional<URI> publicBaseUrl =
        raw.get("MIANDENG_PUBLIC_BASE_URL")
            .map(v -> ServedUrls.requireOrigin(url("MIANDENG_PUBLIC_BASE_URL", v)));
    Optional<Boolean> secure =
        raw.get("MIANDENG_SECURE_COOKIES").isPresent()
            ? Optional.of(raw.bool("MIANDENG_SECURE_COOKIES", false))
            : Optional.empty();
    return new HttpConfig(
        raw.string("MIANDENG_HOST", "127.0.0.1"),
        raw.integer("MIANDENG_PORT", 8080, 0, 65535),
        publicBaseUrl,
        secure,
        valid(
            "MIANDENG_TRUSTED_PROXIES",
            () -> TrustedProxies.parse(raw.list("MIANDENG_TRUSTED_PROXIES"))),
        Set.copyOf(raw.list("MIANDENG_EMBED_ORIGINS")),
        raw.integer("MIANDENG_LOGIN_RATE_LIMIT", 20, 1, 100_000),
        raw.integer("MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS", 300, 1, 1_000_000),
        raw.duration("MIANDENG_SHUTDOWN_DELAY", WebSettings.DEFAULT_SHUTDOWN_DELAY),
        raw.duration("MIANDENG_SHUTDOWN_GRACE", Duration.ofSeconds(10)));
  }

  /**
   * The management port: off unless {@code MIANDENG_MANAGEMENT_PORT} is set, on loopback unless
   * {@code MIANDENG_MANAGEMENT_HOST} says otherwise (the metrics are for the operator, not users).
   * The log format: {@code text} or {@code json}.
   */
  private static OperationsConfig operations(RawConfig raw, HttpConfig http) {
    String host = raw.string("MIANDENG_MANAGEMENT_HOST", "127.0.0.1");
    boolean json = raw.oneOf("MIANDENG_LOG_FORMAT", "text", Set.of("text", "json")).equals("json");
    if (raw.get("MIANDENG_MANAGEMENT_PORT").isEmpty()) {
      return new OperationsConfig(Optional.empty(), host, json);
    }
    int port = raw.integer("MIANDENG_MANAGEMENT_PORT", 0, 0, 65535);
    if (port != 0 && port == http.port()) {
      throw new ConfigurationException(
          "MIANDENG_MANAGEMENT_PORT must differ from MIANDENG_PORT: the metrics are served apart"
              + " from the app, got "
              + port
              + " for both");
    }
    return new OperationsConfig(Optional.of(port), host, json);
  }

  /**
   * One switch per storage port; sessions and pending logins follow the users' store unless set. An
   * unknown value stops start-up with the list of valid ones.
   */
  private static PersistenceConfig persistence(RawConfig raw) {
    UsersStore users = store(raw, "MIANDENG_PERSISTENCE", UsersStore.class, UsersStore.JDBC);
    return PersistenceConfig.of(
        users,
        store(raw, "MIANDENG_SESSIONS", SessionsStore.class, SessionsStore.valueOf(users.name())),
        store(
            raw,
            "MIANDENG_LOGIN_STATES",
            LoginStatesStore.class,
            LoginStatesStore.valueOf(users.name())),
        () -> database(raw),
        () -> redis(raw));
  }

  private static <E extends Enum<E>> E store(
      RawConfig raw, String key, Class<E> kind, E defaultValue) {
    String word =
        raw.oneOf(key, PersistenceConfig.word(defaultValue), PersistenceConfig.words(kind));
    return Enum.valueOf(kind, word.toUpperCase(Locale.ROOT));
  }

  private static DatabaseSettings database(RawConfig raw) {
    Optional<String> url = raw.get("MIANDENG_DB_URL");
    Path dataDir = Path.of(raw.string("MIANDENG_DATA_DIR", "./data"));
    return valid(
        "MIANDENG_DB_URL / MIANDENG_DB_POOL_SIZE",
        () -> {
          DatabaseSettings base =
              url.isPresent()
                  ? DatabaseSettings.of(
                      url.get(),
                      raw.string("MIANDENG_DB_USER", ""),
                      raw.secret("MIANDENG_DB_PASSWORD").orElse(""))
                  : DatabaseSettings.h2File(dataDir.resolve("miandeng"));
          return new DatabaseSettings(
              base.jdbcUrl(),
              base.user(),
              base.password(),
              raw.integer("MIANDENG_DB_POOL_SIZE", base.poolSize(), 1, 200),
              base.connectionTimeout(),
              base.cacheTtl(),
              base.cacheMaxEntries());
        });
  }

  private static RedisSettings redis(RawConfig raw) {
    String url = raw.string("MIANDENG_REDIS_URL", RedisSettings.DEFAULT_URL.toString());
    String password = raw.secret("MIANDENG_REDIS_PASSWORD").orElse("");
    String prefix = raw.string("MIANDENG_REDIS_KEY_PREFIX", RedisSettings.DEFAULT_KEY_PREFIX);
    return valid(
        "MIANDENG_REDIS_URL / MIANDENG_REDIS_KEY_PREFIX",
        () -> RedisSettings.of(url, password).withKeyPrefix(prefix));
  }

  private static FeishuSettings identity(RawConfig raw, Optional<URI> publicBaseUrl) {
    ExchangeFlavour exchange =
        ExchangeFlavour.valueOf(
            raw.oneOf("FEISHU_EXCHANGE", "v2", Set.of("v2", "oidc")).toUpperCase(Locale.ROOT));
    List<String> scopes = raw.list("FEISHU_SCOPES");
    String why =
        "to talk to Feishu; to try the app without a Feishu app, run bin/run with no"
            + " FEISHU_APP_ID: it starts the demo";
    String id = raw.required("FEISHU_APP_ID", why);
    String secret =
        raw.secret("FEISHU_APP_SECRET")
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "FEISHU_APP_SECRET (or FEISHU_APP_SECRET_FILE) is required " + why));
    URI publicBase =
        publicBaseUrl.orElseThrow(
            () ->
                new ConfigurationException(
                    "MIANDENG_PUBLIC_BASE_URL is required with real Feishu: the https origin users"
                        + " open, which also makes the redirect URI"));
    boolean lark = raw.oneOf("FEISHU_BRAND", "feishu", Set.of("feishu", "lark")).equals("lark");
    URI openApi =
        url(
            "FEISHU_OPEN_API_BASE_URL",
            raw.string(
                "FEISHU_OPEN_API_BASE_URL",
                (lark ? LARK_OPEN_API : FeishuSettings.FEISHU_OPEN_API).toString()));
    URI accounts =
        url(
            "FEISHU_ACCOUNTS_BASE_URL",
            raw.string(
                "FEISHU_ACCOUNTS_BASE_URL",
                (lark ? LARK_ACCOUNTS : FeishuSettings.FEISHU_ACCOUNTS).toString()));
    String redirectUri =
        ServedUrls.requireServedCallback(
            publicBase,
            raw.string("FEISHU_REDIRECT_URI", ServedUrls.callback(publicBase).toString()));
    Duration connect =
        raw.duration("FEISHU_CONNECT_TIMEOUT", FeishuSettings.DEFAULT_CONNECT_TIMEOUT);
    Duration read = raw.duration("FEISHU_READ_TIMEOUT", FeishuSettings.DEFAULT_READ_TIMEOUT);
    Duration loginDeadline =
        raw.duration("FEISHU_LOGIN_DEADLINE", FeishuSettings.DEFAULT_LOGIN_DEADLINE);
    URI jssdk =
        url(
            "FEISHU_JSSDK_URL",
            raw.string("FEISHU_JSSDK_URL", FeishuSettings.FEISHU_JSSDK.toString()));
    return valid(
        "FEISHU_* settings",
        () ->
            FeishuSettings.feishu(id, secret, redirectUri)
                .withHosts(openApi, accounts)
                .withScopes(scopes)
                .withExchange(exchange)
                .withTimeouts(connect, read)
                .withLoginDeadline(loginDeadline)
                .withJssdkUrl(jssdk));
  }

  private static SessionPolicy sessionPolicy(RawConfig raw) {
    SessionPolicy defaults = SessionPolicy.DEFAULT;
    Duration idle = raw.duration("MIANDENG_SESSION_IDLE_TIMEOUT", defaults.idleTimeout());
    Duration absolute =
        raw.duration("MIANDENG_SESSION_ABSOLUTE_LIFETIME", defaults.absoluteLifetime());
    Duration touch =
        raw.duration("MIANDENG_SESSION_TOUCH_INTERVAL", defaults.lastSeenWriteInterval());
    return valid("MIANDENG_SESSION_*", () -> new SessionPolicy(idle, absolute, touch));
  }

  private static URI url(String key, String value) {
    try {
      URI uri = new URI(value);
      if (uri.isAbsolute() && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigurationException(key + " must be an absolute http(s) URL, got '" + value + "'");
  }

  /** Runs a record's own validation and names the variables when it refuses. */
  private static <T> T valid(String keys, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(keys + ": " + e.getMessage());
    }
  }
}
