package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Everything the Feishu adapter needs to know, validated once at construction so a bad value fails
 * at start-up rather than on the first login. Every host is configuration: Lark and private
 * deployments use other hosts (facts page section 2).
 *
 * @param openApiBaseUrl OpenAPI host, e.g. {@code https://open.feishu.cn} (no trailing slash)
 * @param accountsBaseUrl browser authorize host, e.g. {@code https://accounts.feishu.cn}
 * @param appId the App ID ({@code cli_...})
 * @param appSecret the App Secret; never printed (SEC-25). May be empty only with the v3 exchange
 *     and a client assertion file: the user-token grants then need no secret, but app and tenant
 *     tokens (OIDC exchange, JSSDK ticket, setup doctor) still do and fail as misconfigured
 * @param redirectUri the registered redirect URL, sent byte-identical at authorize and token time
 *     (SEC-19)
 * @param scopes the scopes asked for at the browser authorize page (at most 50), may be empty
 * @param exchange which code-exchange endpoint to use
 * @param connectTimeout TCP connect timeout of every auth-center call (REL-01)
 * @param readTimeout time to wait for an answer on every auth-center call (REL-01)
 * @param maxAttempts tries of a retry-safe call (token, user info, ticket), 1-5 (REL-02)
 * @param initialBackoff wait before the second try; doubles per try, with full jitter
 * @param maxBackoff upper bound of one backoff wait
 * @param maxRateLimitWait the longest {@code x-ogw-ratelimit-reset} we wait for before retrying;
 *     asked to wait longer, the call fails at once with that retry-after
 * @param loginDeadline the overall budget of one login's calls to Feishu (token fetch, exchange,
 *     user_info, their retries and waits) and of one JSSDK signature; each call's timeout is cut to
 *     what is left of it (REL-01, REL-02)
 * @param jssdkUrl the JSSDK the page loads to reach the Feishu client's JSAPI (facts page section
 *     3.6); a private deployment or a stand-in serves its own
 * @param clientAssertionFile with the v3 exchange: a file holding the RFC 7523 client assertion (a
 *     JWT) an external signer keeps fresh, sent instead of the secret; empty: the secret is sent
 */
public record FeishuSettings(
    URI openApiBaseUrl,
    URI accountsBaseUrl,
    String appId,
    String appSecret,
    String redirectUri,
    List<String> scopes,
    ExchangeFlavour exchange,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRateLimitWait,
    Duration loginDeadline,
    URI jssdkUrl,
    Optional<Path> clientAssertionFile) {

  public static final URI FEISHU_OPEN_API = URI.create("https://open.feishu.cn");
  public static final URI FEISHU_ACCOUNTS = URI.create("https://accounts.feishu.cn");
  public static final URI LARK_OPEN_API = URI.create("https://open.larksuite.com");
  public static final URI LARK_ACCOUNTS = URI.create("https://accounts.larksuite.com");

  /** The JSSDK Feishu's documentation currently points at. */
  public static final URI FEISHU_JSSDK =
      URI.create("https://lf-scm-cn.feishucdn.com/lark/op/h5-js-sdk-1.5.44.js");

  /**
   * The JSSDK Lark's documentation points at (open.larksuite.com, Developer Guides → Develop Web
   * Apps → Introduction, updated 2025-09).
   */
  public static final URI LARK_JSSDK =
      URI.create(
          "https://lf-package-sg.larksuitecdn.com/obj/lark-static-sgsaas/lark/op/h5-js-sdk-1.5.44.js");

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_ATTEMPTS = 3;
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(200);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);
  public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(5);

  /** Two slow-but-answering calls plus a retry fit; a user waits no longer than this. */
  public static final Duration DEFAULT_LOGIN_DEADLINE = Duration.ofSeconds(10);

  /** Feishu accepts at most 50 scopes on the authorize URL. */
  private static final int MAX_SCOPES = 50;

  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9:._-]{1,128}");

  public FeishuSettings {
    openApiBaseUrl = requireBaseUrl(openApiBaseUrl, "openApiBaseUrl");
    accountsBaseUrl = requireBaseUrl(accountsBaseUrl, "accountsBaseUrl");
    appId = requireNonBlank(appId, "appId");
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(redirectUri, "redirectUri");
    URI redirect = URI.create(redirectUri);
    if (!redirect.isAbsolute() || !isHttp(redirect) || redirect.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "redirectUri must be an absolute http(s) URL without fragment, exactly as registered");
    }
    scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    if (scopes.size() > MAX_SCOPES) {
      throw new IllegalArgumentException("Feishu accepts at most " + MAX_SCOPES + " scopes");
    }
    scopes.forEach(
        scope -> {
          if (!SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("not a Feishu scope name: " + scope);
          }
        });
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(clientAssertionFile, "clientAssertionFile");
    if (clientAssertionFile.isPresent() && exchange != ExchangeFlavour.V3) {
      throw new IllegalArgumentException("only the v3 exchange sends a client assertion");
    }
    if (appSecret.isBlank() && clientAssertionFile.isEmpty()) {
      throw new IllegalArgumentException(
          "appSecret must not be blank (only the v3 exchange with a client assertion does without)");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    if (maxAttempts < 1 || maxAttempts > 5) {
      throw new IllegalArgumentException("maxAttempts must be 1-5 (REL-02 asks for at most 3)");
    }
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
    Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
    if (maxRateLimitWait.isNegative()) {
      throw new IllegalArgumentException("maxRateLimitWait must not be negative");
    }
    requirePositive(loginDeadline, "loginDeadline");
    Objects.requireNonNull(jssdkUrl, "jssdkUrl");
    if (!jssdkUrl.isAbsolute() || !isHttp(jssdkUrl) || jssdkUrl.getHost() == null) {
      throw new IllegalArgumentException("jssdkUrl must be an absolute http(s) URL");
    }
  }

  /** Feishu's hosts, the v2 exchange, the documented timeouts and retry bounds, no extra scopes. */
  public static FeishuSettings of(String appId, String appSecret, String redirectUri) {
    return new FeishuSettings(
        FEISHU_OPEN_API,
        FEISHU_ACCOUNTS,
        appId,
        appSecret,
        redirectUri,
        List.of(),
        ExchangeFlavour.V2,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_INITIAL_BACKOFF,
        DEFAULT_MAX_BACKOFF,
        DEFAULT_MAX_RATE_LIMIT_WAIT,
        DEFAULT_LOGIN_DEADLINE,
        FEISHU_JSSDK,
        Optional.empty());
  }

  /** Whether an App Secret is configured (it may be absent with a v3 client assertion). */
  public boolean hasAppSecret() {
    return !appSecret.isBlank();
  }

  /**
   * What cannot work without an App Secret, for the operator: the app-level tokens take the secret
   * only (facts page section 3.1), and a client assertion authenticates the v3 user-token grants
   * only; empty when a secret is configured.
   */
  public Optional<String> withoutAppSecret() {
    return hasAppSecret()
        ? Optional.empty()
        : Optional.of(
            "no FEISHU_APP_SECRET: the client assertion (FEISHU_CLIENT_ASSERTION_FILE) authenticates"
                + " the v3 user-token grants only; the JSAPI signature (tenant_access_token → JSSDK"
                + " ticket) and the OIDC exchange (app_access_token) cannot work without the App"
                + " Secret");
  }

  /**
   * What the page needs to ask the Feishu client for a code: the app id, the scopes and the JSSDK.
   * Feishu serves profile pictures from its CDNs over https (the page allows every https image);
   * the OpenAPI host is named too, for a private deployment or stand-in that serves them itself.
   */
  public ClientLoginSettings clientLoginSettings() {
    return new ClientLoginSettings(appId, scopes, jssdkUrl, Set.of(openApiBaseUrl));
  }

  /** Both hosts at once: Lark, a private deployment, or the simulator (which serves both). */
  public FeishuSettings withHosts(URI openApi, URI accounts) {
    return with(
        d -> {
          d.openApiBaseUrl = openApi;
          d.accountsBaseUrl = accounts;
        });
  }

  public FeishuSettings withScopes(List<String> newScopes) {
    return with(d -> d.scopes = newScopes);
  }

  public FeishuSettings withExchange(ExchangeFlavour newExchange) {
    return with(d -> d.exchange = newExchange);
  }

  public FeishuSettings withTimeouts(Duration connect, Duration read) {
    return with(
        d -> {
          d.connectTimeout = connect;
          d.readTimeout = read;
        });
  }

  public FeishuSettings withRetries(
      int attempts, Duration firstBackoff, Duration backoffCap, Duration rateLimitWaitCap) {
    return with(
        d -> {
          d.maxAttempts = attempts;
          d.initialBackoff = firstBackoff;
          d.maxBackoff = backoffCap;
          d.maxRateLimitWait = rateLimitWaitCap;
        });
  }

  public FeishuSettings withLoginDeadline(Duration budget) {
    return with(d -> d.loginDeadline = budget);
  }

  public FeishuSettings withJssdkUrl(URI url) {
    return with(d -> d.jssdkUrl = url);
  }

  /**
   * The v3 exchange authenticating with the assertion in {@code file}; the secret, if any, kept.
   */
  public FeishuSettings withClientAssertionFile(Path file) {
    return with(
        d -> {
          d.exchange = ExchangeFlavour.V3;
          d.clientAssertionFile = Optional.of(file);
        });
  }

  /** A copy with another App Secret; empty only with a client assertion file. */
  public FeishuSettings withAppSecret(String secret) {
    return with(d -> d.appSecret = secret);
  }

  /** A copy with some fields changed, validated again by the canonical constructor. */
  private FeishuSettings with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The fields of a copy under construction: each wither names only what it changes. */
  private static final class Draft {
    private URI openApiBaseUrl;
    private URI accountsBaseUrl;
    private final String appId;
    private String appSecret;
    private final String redirectUri;
    private List<String> scopes;
    private ExchangeFlavour exchange;
    private Duration connectTimeout;
    private Duration readTimeout;
    private int maxAttempts;
    private Duration initialBackoff;
    private Duration maxBackoff;
    private Duration maxRateLimitWait;
    private Duration loginDeadline;
    private URI jssdkUrl;
    private Optional<Path> clientAssertionFile;

    private Draft(FeishuSettings s) {
      openApiBaseUrl = s.openApiBaseUrl;
      accountsBaseUrl = s.accountsBaseUrl;
      appId = s.appId;
      appSecret = s.appSecret;
      redirectUri = s.redirectUri;
      scopes = s.scopes;
      exchange = s.exchange;
      connectTimeout = s.connectTimeout;
      readTimeout = s.readTimeout;
      maxAttempts = s.maxAttempts;
      initialBackoff = s.initialBackoff;
      maxBackoff = s.maxBackoff;
      maxRateLimitWait = s.maxRateLimitWait;
      loginDeadline = s.loginDeadline;
      jssdkUrl = s.jssdkUrl;
      clientAssertionFile = s.clientAssertionFile;
    }

    private FeishuSettings build() {
      return new FeishuSettings(
          openApiBaseUrl,
          accountsBaseUrl,
          appId,
          appSecret,
          redirectUri,
          scopes,
          exchange,
          connectTimeout,
          readTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          maxRateLimitWait,
          loginDeadline,
          jssdkUrl,
          clientAssertionFile);
    }
  }

  /** The secret is masked: settings get printed in start-up logs and config dumps (SEC-25). */
  @Override
  public String toString() {
    return "FeishuSettings[openApiBaseUrl="
        + openApiBaseUrl
        + ", accountsBaseUrl="
        + accountsBaseUrl
        + ", appId="
        + appId
        + (hasAppSecret() ? ", appSecret=***" : ", appSecret=(none)")
        + ", redirectUri="
        + redirectUri
        + ", scopes="
        + scopes
        + ", exchange="
        + exchange
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRateLimitWait="
        + maxRateLimitWait
        + ", loginDeadline="
        + loginDeadline
        + ", jssdkUrl="
        + jssdkUrl
        + ", clientAssertionFile="
        + clientAssertionFile.map(Path::toString).orElse("(none)")
        + "]";
  }

  private static URI requireBaseUrl(URI url, String name) {
    Objects.requireNonNull(url, name);
    if (!url.isAbsolute() || !isHttp(url) || url.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
    }
    String text = url.toString();
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(name + " must not have a query or fragment");
    }
    // Paths are appended to it: drop a trailing slash so "//open-apis" never happens.
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : url;
  }

  private static boolean isHttp(URI url) {
    return "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
  }

  private static String requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
