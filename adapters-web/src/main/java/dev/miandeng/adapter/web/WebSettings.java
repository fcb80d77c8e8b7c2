package dev.miandeng.adapter.web;

import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the web adapter needs to know, validated once at start-up so a wrong value fails the
 * boot instead of a request. Build it with {@link #builder(URI, ClientLoginSettings)}.
 *
 * @param host the address to bind ("0.0.0.0" for all interfaces)
 * @param port the port to bind; 0 picks a free one
 * @param publicBaseUrl the origin browsers use (scheme://host[:port]); Origin checks, redirects and
 *     the Secure decision use it, never the request's Host header (SEC-19)
 * @param client what the page needs to ask the identity provider's client for a code, from the
 *     identity side: /api/config hands it to the page; the client script's origin goes into
 *     script-src and connect-src, the avatar origins into img-src
 * @param scriptOrigins extra script-src origins
 * @param connectOrigins extra connect-src origins
 * @param imgOrigins extra img-src origins (https: is always allowed: avatars live on many CDNs)
 * @param formActionOrigins extra form-action origins
 * @param secureCookies Secure cookies with the __Host- prefix, and HSTS (SEC-04)
 * @param trustedProxies proxy addresses and CIDR ranges whose X-Forwarded-For is believed (SEC-05)
 * @param embedMode the page is framed by another origin: SameSite=None cookies (SEC-04, SEC-16)
 * @param frameAncestors the origins allowed to frame the page in embed mode
 * @param maxRequestBodyBytes larger bodies get 413 before they are read (SEC-28)
 * @param maxRequestHeaderBytes larger request headers get 431 (SEC-28)
 * @param loginRateLimit login attempts one browser may spend per window: started browser logins,
 *     code posts and callbacks that logged nobody in (SEC-33, see {@link LoginRateLimiter})
 * @param loginRateLimitPerAddress login requests of any kind (nonces and successes included) per
 *     window from one address, IPv6 by its /64: the ceiling for clients that drop their cookies
 * @param loginRateWindow the rate-limit window: each bucket refills completely over it
 * @param staticFilesRoot the classpath folder holding index.html and assets/
 * @param assetsMaxAge how long browsers may reuse /assets/* without asking (file names carry no
 *     hash)
 * @param loginCookieMaxAge lifetime of the login state and nonce cookies (≤ 10 min, SEC-17)
 * @param defaultRetryAfter the Retry-After sent on a 503 when the cause gave no hint
 * @param shutdownDelay how long {@code stop()} keeps serving normally after readiness turned 503,
 *     so that load balancers probing readiness stop sending traffic before the port closes (REL-10)
 * @param shutdownGrace how long {@code stop()} then waits for in-flight requests (REL-10)
 */
public record WebSettings(
    String host,
    int port,
    URI publicBaseUrl,
    ClientLoginSettings client,
    Set<String> scriptOrigins,
    Set<String> connectOrigins,
    Set<String> imgOrigins,
    Set<String> formActionOrigins,
    boolean secureCookies,
    TrustedProxies trustedProxies,
    boolean embedMode,
    Set<String> frameAncestors,
    int maxRequestBodyBytes,
    int maxRequestHeaderBytes,
    int loginRateLimit,
    int loginRateLimitPerAddress,
    Duration loginRateWindow,
    String staticFilesRoot,
    Duration assetsMaxAge,
    Duration loginCookieMaxAge,
    Duration defaultRetryAfter,
    Duration shutdownDelay,
    Duration shutdownGrace) {

  /** An origin as CSP and the Origin header write it; nothing that could break out of a policy. */
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

  private static final Duration MAX_LOGIN_COOKIE_AGE = Duration.ofMinutes(10);

  /**
   * Long enough for a load balancer that probes every few seconds, or for an orchestrator's
   * endpoint removal, to reach every router before the port closes; short enough that delay plus
   * grace stays inside Kubernetes' default 30 s termination grace period.
   */
  public static final Duration DEFAULT_SHUTDOWN_DELAY = Duration.ofSeconds(5);

  public WebSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535");
    }
    publicBaseUrl = normaliseBaseUrl(publicBaseUrl);
    Objects.requireNonNull(client, "client");
    requireOrigin(clientScriptOrigin(client), "the client script");
    avatarOrigins(client).forEach(origin -> requireOrigin(origin, "the avatar origins"));
    scriptOrigins = origins(scriptOrigins, "scriptOrigins");
    connectOrigins = origins(connectOrigins, "connectOrigins");
    imgOrigins = origins(imgOrigins, "imgOrigins");
    formActionOrigins = origins(formActionOrigins, "formActionOrigins");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    frameAncestors = origins(frameAncestors, "frameAncestors");
    if (embedMode && !secureCookies) {
      throw new IllegalArgumentException(
          "embedMode needs secureCookies: browsers drop SameSite=None cookies without Secure");
    }
    if (!embedMode && !frameAncestors.isEmpty()) {
      throw new IllegalArgumentException("frameAncestors only apply in embedMode");
    }
    requireAtLeast(maxRequestBodyBytes, 256, "maxRequestBodyBytes");
    requireAtLeast(maxRequestHeaderBytes, 1024, "maxRequestHeaderBytes");
    requireAtLeast(loginRateLimit, 1, "loginRateLimit");
    requireAtLeast(loginRateLimitPerAddress, 1, "loginRateLimitPerAddress");
    requirePositive(loginRateWindow, "loginRateWindow");
    Objects.requireNonNull(staticFilesRoot, "staticFilesRoot");
    if (!staticFilesRoot.startsWith("/") || staticFilesRoot.contains("..")) {
      throw new IllegalArgumentException("staticFilesRoot is an absolute classpath folder");
    }
    Objects.requireNonNull(assetsMaxAge, "assetsMaxAge");
    if (assetsMaxAge.isNegative()) {
      throw new IllegalArgumentException("assetsMaxAge must not be negative");
    }
    requirePositive(loginCookieMaxAge, "loginCookieMaxAge");
    if (loginCookieMaxAge.compareTo(MAX_LOGIN_COOKIE_AGE) > 0) {
      throw new IllegalArgumentException("loginCookieMaxAge is at most 10 minutes (SEC-17)");
    }
    requirePositive(defaultRetryAfter, "defaultRetryAfter");
    requireNotNegative(shutdownDelay, "shutdownDelay");
    requireNotNegative(shutdownGrace, "shutdownGrace");
  }

  /** Starts from the defaults; only the public URL and the client settings have none. */
  public static Builder builder(URI publicBaseUrl, ClientLoginSettings client) {
    return new Builder(publicBaseUrl, client);
  }

  /** The origin (scheme://host[:port]) browsers send in the Origin header for this app. */
  public String publicOrigin() {
    return originOf(publicBaseUrl);
  }

  /** The origin of the script the page loads to reach the client's JSAPI. */
  static String clientScriptOrigin(ClientLoginSettings client) {
    return originOf(client.clientScript());
  }

  /** The origins of the identity provider's profile pictures, sorted (a stable policy text). */
  static List<String> avatarOrigins(ClientLoginSettings client) {
    return client.avatarOrigins().stream().map(WebSettings::originOf).sorted().toList();
  }

  /** scheme://host[:port] of a URL, with the port only when it is not the scheme's default. */
  public static String originOf(URI url) {
    String scheme = Objects.requireNonNull(url.getScheme(), "URL has no scheme");
    String origin =
        scheme.toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equalsIgnoreCase("https") && port == 443)
            || (scheme.equalsIgnoreCase("http") && port == 80);
    return defaultPort ? origin : origin + ":" + port;
  }

  private static URI normaliseBaseUrl(URI url) {
    Objects.requireNonNull(url, "publicBaseUrl");
    if (url.getHost() == null
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || url.getRawUserInfo() != null
        || !(url.getRawPath() == null
            || url.getRawPath().isEmpty()
            || url.getRawPath().equals("/"))) {
      throw new IllegalArgumentException(
          "publicBaseUrl is an origin such as https://app.example.com (no path, query or user)");
    }
    String origin = originOf(url);
    requireOrigin(origin, "publicBaseUrl");
    return URI.create(origin);
  }

  private static Set<String> origins(Set<String> values, String name) {
    values.forEach(origin -> requireOrigin(origin, name));
    return Set.copyOf(values);
  }

  private static void requireOrigin(String origin, String name) {
    if (!ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException(name + " must be an http(s) origin, was " + origin);
    }
  }

  private static void requireAtLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min);
    }
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Mutable builder with the documented defaults; {@link #build()} validates. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private final URI publicBaseUrl;
    private final ClientLoginSettings client;
    private Set<String> scriptOrigins = Set.of();
    private Set<String> connectOrigins = Set.of();
    private Set<String> imgOrigins = Set.of();
    private Set<String> formActionOrigins = Set.of();
    private Boolean secureCookies;
    private TrustedProxies trustedProxies = TrustedProxies.NONE;
    private boolean embedMode;
    private Set<String> frameAncestors = Set.of();
    private int maxRequestBodyBytes = 16 * 1024;
    private int maxRequestHeaderBytes = 8 * 1024;
    private int loginRateLimit = 20;
    private int loginRateLimitPerAddress = 300;
    private Duration loginRateWindow = Duration.ofMinutes(1);
    private String staticFilesRoot = "/frontend";
    private Duration assetsMaxAge = Duration.ofMinutes(5);
    private Duration loginCookieMaxAge = Duration.ofMinutes(10);
    private Duration defaultRetryAfter = Duration.ofSeconds(10);
    private Duration shutdownDelay = DEFAULT_SHUTDOWN_DELAY;
    private Duration shutdownGrace = Duration.ofSeconds(10);

    private Builder(URI publicBaseUrl, ClientLoginSettings client) {
      this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
      this.client = client;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder scriptOrigins(Set<String> value) {
      scriptOrigins = value;
      return this;
    }

    public Builder connectOrigins(Set<String> value) {
      connectOrigins = value;
      return this;
    }

    public Builder imgOrigins(Set<String> value) {
      imgOrigins = value;
      return this;
    }

    public Builder formActionOrigins(Set<String> value) {
      formActionOrigins = value;
      return this;
    }

    /** Default: true exactly when publicBaseUrl is https. Set true behind a TLS-ending proxy. */
    public Builder secureCookies(boolean value) {
      secureCookies = value;
      return this;
    }

    public Builder trustedProxies(TrustedProxies value) {
      trustedProxies = value;
      return this;
    }

    public Builder embedMode(boolean value, Set<String> hostOrigins) {
      embedMode = value;
      frameAncestors = hostOrigins;
      return this;
    }

    public Builder maxRequestBodyBytes(int value) {
      maxRequestBodyBytes = value;
      return this;
    }

    public Builder maxRequestHeaderBytes(int value) {
      maxRequestHeaderBytes = value;
      return this;
    }

    /** Per browser per window (default 20 per minute). */
    public Builder loginRateLimit(int perWindow, Duration window) {
      loginRateLimit = perWindow;
      loginRateWindow = window;
      return this;
    }

    /** Per address per window (default 300). */
    public Builder loginRateLimitPerAddress(int perWindow) {
      loginRateLimitPerAddress = perWindow;
      return this;
    }

    public Builder staticFilesRoot(String value) {
      staticFilesRoot = value;
      return this;
    }

    public Builder assetsMaxAge(Duration value) {
      assetsMaxAge = value;
      return this;
    }

    public Builder loginCookieMaxAge(Duration value) {
      loginCookieMaxAge = value;
      return this;
    }

    public Builder defaultRetryAfter(Duration value) {
      defaultRetryAfter = value;
      return this;
    }

    public Builder shutdownDelay(Duration value) {
      shutdownDelay = value;
      return this;
    }

    public Builder shutdownGrace(Duration value) {
      shutdownGrace = value;
      return this;
    }

    public WebSettings build() {
      boolean secure =
          secureCookies != null
              ? secureCookies
              : "https".equalsIgnoreCase(publicBaseUrl.getScheme());
      return new WebSettings(
          host,
          port,
          publicBaseUrl,
          client,
          scriptOrigins,
          connectOrigins,
          imgOrigins,
          formActionOrigins,
          secure,
          trustedProxies,
          embedMode,
          frameAncestors,
          maxRequestBodyBytes,
          maxRequestHeaderBytes,
          loginRateLimit,
          loginRateLimitPerAddress,
          loginRateWindow,
          staticFilesRoot,
          assetsMaxAge,
          loginCookieMaxAge,
          defaultRetryAfter,
          shutdownDelay,
          shutdownGrace);
    }
  }
}
