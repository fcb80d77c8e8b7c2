package dev.miandeng.app.config;

import dev.miandeng.adapter.feishu.ExchangeFlavour;
import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.adapter.persistence.crypto.TokenKeyRing;
import dev.miandeng.adapter.persistence.jdbi.DatabaseSettings;
import dev.miandeng.adapter.redis.RedisSettings;
import dev.miandeng.adapter.web.TrustedProxies;
import dev.miandeng.adapter.web.WebSettings;
import dev.miandeng.app.config.PersistenceConfig.LoginStatesStore;
import dev.miandeng.app.config.PersistenceConfig.SessionsStore;
import dev.miandeng.app.config.PersistenceConfig.UserTokensStore;
import dev.miandeng.app.config.PersistenceConfig.UsersStore;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.login.PendingLogin;
import dev.miandeng.domain.session.SessionPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the variable names of {@link ConfigSources} to the typed {@link AppConfig}: each name is
 * read in exactly one place, here (the README's configuration table and this class list the same
 * names). A default an adapter's settings record also needs is that record's {@code DEFAULT_*}
 * constant, read here rather than repeated; the others are written here only. An invalid value
 * stops start-up with a message naming the variable.
 */
public final class AppConfigReader {

  private static final Logger LOG = LoggerFactory.getLogger("miandeng");

  /**
   * A configuration that makes every read run (real Feishu, a database URL, a Redis store): the
   * names it reads are all the app knows, so a new name needs no second list.
   */
  private static final Map<String, String> EVERY_BRANCH =
      Map.of(
          "FEISHU_APP_ID", "cli_every_branch",
          "FEISHU_APP_SECRET", "every-branch",
          "MIANDENG_PUBLIC_BASE_URL", "https://every-branch.invalid",
          "MIANDENG_DB_URL", "jdbc:h2:mem:every-branch",
          "MIANDENG_SESSIONS", "redis");

  private AppConfigReader() {}

  /**
   * The typed configuration. Refuses unknown flag and file keys; logs one warning per unknown
   * {@code MIANDENG_*}/{@code FEISHU_*} environment variable ({@link ConfigSources#checkNames}).
   */
  public static AppConfig read(ConfigSources raw) {
    AppConfig config = typed(raw);
    ConfigSources everyBranch = ConfigSources.of(EVERY_BRANCH);
    typed(everyBranch);
    raw.checkNames(everyBranch.namesRead()).forEach(warning -> LOG.warn("Ignoring {}", warning));
    return config;
  }

  private static AppConfig typed(ConfigSources raw) {
    HttpConfig http = http(raw);
    AppConfig config =
        new AppConfig(
            http,
            persistence(raw),
            identity(raw, http.publicBaseUrl()),
            sessionPolicy(raw),
            new TenantAllowList(new HashSet<>(raw.list("MIANDENG_ALLOWED_TENANTS"))),
            raw.duration("MIANDENG_LOGIN_TTL", PendingLogin.MAX_TTL),
            operations(raw, http));
    if (config.loginTtl().compareTo(PendingLogin.MAX_TTL) > 0) {
      throw new ConfigurationException("MIANDENG_LOGIN_TTL must be at most 10m (SEC-17)");
    }
    return config;
  }

  /**
   * How the app listens and how browsers reach it, alone: a launcher that must know the public URL
   * before the app starts (to register its callback somewhere) reads it with the app's own rules.
   */
  public static HttpConfig http(ConfigSources raw) {
    Optional<URI> publicBaseUrl =
        raw.get("MIANDENG_PUBLIC_BASE_URL")
            .map(v -> ServedUrls.requireOrigin(url("MIANDENG_PUBLIC_BASE_URL", v)));
    Optional<Boolean> secure =
        raw.get("MIANDENG_SECURE_COOKIES")
            .map(v -> raw.oneOf("MIANDENG_SECURE_COOKIES", "", Set.of("true", "false")))
            .map(Boolean::parseBoolean);
    // Start-up's rule, applied before start-up: a refusal names the variable, exit 2.
    boolean secureCookies =
        secure.orElse(publicBaseUrl.map(WebSettings::secureByDefault).orElse(false));
    Set<String> embedOrigins =
        valid(
            "MIANDENG_EMBED_ORIGINS",
            () ->
                WebSettings.requireFrameAncestors(
                    Set.copyOf(raw.list("MIANDENG_EMBED_ORIGINS")), secureCookies));
    return new HttpConfig(
        raw.string("MIANDENG_HOST", WebSettings.DEFAULT_HOST),
        raw.integer("MIANDENG_PORT", WebSettings.DEFAULT_PORT, 0, 65535),
        publicBaseUrl,
        secure,
        valid(
            "MIANDENG_TRUSTED_PROXIES",
            () -> TrustedProxies.parse(raw.list("MIANDENG_TRUSTED_PROXIES"))),
        embedOrigins,
        raw.integer("MIANDENG_LOGIN_RATE_LIMIT", WebSettings.DEFAULT_LOGIN_RATE_LIMIT, 1, 100_000),
        raw.integer(
            "MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS",
            WebSettings.DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS,
            1,
            1_000_000),
        raw.durationOrZero("MIANDENG_SHUTDOWN_DELAY", WebSettings.DEFAULT_SHUTDOWN_DELAY),
        raw.duration("MIANDENG_SHUTDOWN_GRACE", WebSettings.DEFAULT_SHUTDOWN_GRACE),
        raw.oneOf("MIANDENG_ACCESS_LOG", "false", Set.of("true", "false")).equals("true"));
  }

  /**
   * The management port: off unless {@code MIANDENG_MANAGEMENT_PORT} is set, on loopback unless
   * {@code MIANDENG_MANAGEMENT_HOST} says otherwise (the metrics are for the operator, not users).
   * The log format: {@code text} or {@code json}.
   */
  private static OperationsConfig operations(ConfigSources raw, HttpConfig http) {
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
  private static PersistenceConfig persistence(ConfigSources raw) {
    UsersStore users = raw.oneOf("MIANDENG_PERSISTENCE", UsersStore.JDBC);
    SessionsStore sessions = raw.oneOf("MIANDENG_SESSIONS", SessionsStore.valueOf(users.name()));
    LoginStatesStore loginStates =
        raw.oneOf("MIANDENG_LOGIN_STATES", LoginStatesStore.valueOf(users.name()));
    TokenVaultConfig userTokens = tokenVault(raw, users);
    return valid(
        "MIANDENG_USER_TOKENS_STORE",
        () ->
            PersistenceConfig.of(
                users, sessions, loginStates, userTokens, () -> database(raw), () -> redis(raw)));
  }

  /**
   * The vault follows the users' store unless set. The key is read whatever the store (a launcher
   * may give one the memory vault does not need), and refused at start-up when malformed: the
   * message names the variable and the entry, never the key.
   */
  private static TokenVaultConfig tokenVault(ConfigSources raw, UsersStore users) {
    UserTokensStore store =
        raw.oneOf("MIANDENG_USER_TOKENS_STORE", UserTokensStore.valueOf(users.name()));
    Optional<String> text = raw.secret("MIANDENG_TOKEN_KEY");
    if (text.isEmpty()) {
      return new TokenVaultConfig(store, Optional.empty(), "");
    }
    String name =
        raw.get("MIANDENG_TOKEN_KEY_FILE").isPresent()
            ? "MIANDENG_TOKEN_KEY_FILE"
            : "MIANDENG_TOKEN_KEY";
    String source = name + " (" + raw.sourceOf(name) + ")";
    TokenKeyRing keys = valid(source, () -> TokenKeyRing.parse(text.get()));
    return new TokenVaultConfig(store, Optional.of(keys), source);
  }

  private static DatabaseSettings database(ConfigSources raw) {
    Optional<String> url = raw.get("MIANDENG_DB_URL");
    Path dataDir = Path.of(raw.string("MIANDENG_DATA_DIR", "./data"));
    int poolSize = raw.integer("MIANDENG_DB_POOL_SIZE", DatabaseSettings.DEFAULT_POOL_SIZE, 1, 200);
    return valid(
        "MIANDENG_DB_URL / MIANDENG_DATA_DIR",
        () ->
            (url.isPresent()
                    ? DatabaseSettings.of(
                        url.get(),
                        raw.string("MIANDENG_DB_USER", ""),
                        raw.secret("MIANDENG_DB_PASSWORD").orElse(""))
                    : DatabaseSettings.h2File(dataDir.resolve("miandeng")))
                .withPoolSize(poolSize));
  }

  private static RedisSettings redis(ConfigSources raw) {
    String url = raw.string("MIANDENG_REDIS_URL", RedisSettings.DEFAULT_URL.toString());
    String password = raw.secret("MIANDENG_REDIS_PASSWORD").orElse("");
    String prefix = raw.string("MIANDENG_REDIS_KEY_PREFIX", RedisSettings.DEFAULT_KEY_PREFIX);
    return valid(
        "MIANDENG_REDIS_URL / MIANDENG_REDIS_KEY_PREFIX",
        () -> RedisSettings.of(url, password).withKeyPrefix(prefix));
  }

  private static FeishuSettings identity(ConfigSources raw, Optional<URI> publicBaseUrl) {
    String why =
        "to talk to Feishu; to try the app without a Feishu app, run bin/run with no"
            + " FEISHU_APP_ID: it starts the demo";
    String id = raw.required("FEISHU_APP_ID", why);
    ExchangeFlavour exchange = raw.oneOf("FEISHU_EXCHANGE", ExchangeFlavour.V2);
    Optional<Path> assertionFile =
        raw.get("FEISHU_CLIENT_ASSERTION_FILE").map(AppConfigReader::assertionFile);
    // A v3 client assertion authenticates the user-token grants without the secret.
    String secret =
        raw.secret("FEISHU_APP_SECRET")
            .or(() -> assertionFile.map(file -> ""))
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "FEISHU_APP_SECRET (or FEISHU_APP_SECRET_FILE; with FEISHU_EXCHANGE=v3,"
                            + " FEISHU_CLIENT_ASSERTION_FILE) is required "
                            + why));
    URI publicBase =
        publicBaseUrl.orElseThrow(
            () ->
                new ConfigurationException(
                    "MIANDENG_PUBLIC_BASE_URL is required with real Feishu: the https origin users"
                        + " open, which also makes the redirect URI"));
    boolean lark = raw.oneOf("FEISHU_BRAND", "feishu", Set.of("feishu", "lark")).equals("lark");
    URI openApi =
        url(
            raw,
            "FEISHU_OPEN_API_BASE_URL",
            lark ? FeishuSettings.LARK_OPEN_API : FeishuSettings.FEISHU_OPEN_API);
    URI accounts =
        url(
            raw,
            "FEISHU_ACCOUNTS_BASE_URL",
            lark ? FeishuSettings.LARK_ACCOUNTS : FeishuSettings.FEISHU_ACCOUNTS);
    String redirectUri =
        ServedUrls.requireServedCallback(
            publicBase,
            raw.string("FEISHU_REDIRECT_URI", ServedUrls.callback(publicBase).toString()));
    return valid(
        "FEISHU_* settings",
        () ->
            new FeishuSettings(
                openApi,
                accounts,
                id,
                secret,
                redirectUri,
                raw.list("FEISHU_SCOPES"),
                exchange,
                raw.duration("FEISHU_CONNECT_TIMEOUT", FeishuSettings.DEFAULT_CONNECT_TIMEOUT),
                raw.duration("FEISHU_READ_TIMEOUT", FeishuSettings.DEFAULT_READ_TIMEOUT),
                FeishuSettings.DEFAULT_MAX_ATTEMPTS,
                FeishuSettings.DEFAULT_INITIAL_BACKOFF,
                FeishuSettings.DEFAULT_MAX_BACKOFF,
                FeishuSettings.DEFAULT_MAX_RATE_LIMIT_WAIT,
                raw.duration("FEISHU_LOGIN_DEADLINE", FeishuSettings.DEFAULT_LOGIN_DEADLINE),
                url(
                    raw,
                    "FEISHU_JSSDK_URL",
                    lark ? FeishuSettings.LARK_JSSDK : FeishuSettings.FEISHU_JSSDK),
                assertionFile));
  }

  private static Path assertionFile(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(
          "FEISHU_CLIENT_ASSERTION_FILE is not a file path: " + e.getMessage());
    }
  }

  private static SessionPolicy sessionPolicy(ConfigSources raw) {
    SessionPolicy defaults = SessionPolicy.DEFAULT;
    return valid(
        "MIANDENG_SESSION_*",
        () ->
            new SessionPolicy(
                raw.duration("MIANDENG_SESSION_IDLE_TIMEOUT", defaults.idleTimeout()),
                raw.duration("MIANDENG_SESSION_ABSOLUTE_LIFETIME", defaults.absoluteLifetime()),
                raw.duration("MIANDENG_SESSION_TOUCH_INTERVAL", defaults.lastSeenWriteInterval())));
  }

  /** The absolute http(s) URL set in {@code key}, or {@code defaultValue}. */
  private static URI url(ConfigSources raw, String key, URI defaultValue) {
    return raw.get(key).map(v -> url(key, v)).orElse(defaultValue);
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
