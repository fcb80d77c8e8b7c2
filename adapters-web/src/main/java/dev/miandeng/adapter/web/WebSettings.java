package dev.miandeng.adapter.web;

import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Everything the web adapter needs to know, validated once at start-up so a wrong value fails the
 * boot instead of a request. {@link #of(URI, ClientLoginSettings)} takes the defaults below; each
 * {@code withX} returns a validated copy.
 *
 * @param host the address to bind ("0.0.0.0" for all interfaces)
 * @param port the port to bind; 0 picks a free one
 * @param publicBaseUrl the origin browsers use (scheme://host[:port]); Origin checks, redirects and
 *     the Secure decision use it, never the request's Host header (SEC-19)
 * @param client what the page needs to ask the identity provider's client for a code, from the
 *     identity side: /api/config hands it to the page; the client script's origin goes into
 *     script-src and connect-src, the avatar origins into img-src
 * @param secureCookies Secure cookies with the __Host- prefix, and HSTS (SEC-04)
 * @param trustedProxies proxy addresses and CIDR ranges whose X-Forwarded-For is believed (SEC-05)
 * @param frameAncestors the origins allowed to frame the page; any turns embed mode on:
 *     SameSite=None cookies (SEC-04, SEC-16)
 * @param loginRateLimit login attempts one browser may spend per {@link #LOGIN_RATE_WINDOW}:
 *     started browser logins, code posts and callbacks that logged nobody in (SEC-33, see {@link
 *     LoginRateLimiter})
 * @param loginRateLimitPerAddress login requests of any kind (nonces and successes included) per
 *     window from one address, IPv6 by its /64: the ceiling for clients that drop their cookies
 * @param shutdownDelay how long {@code stop()} keeps serving normally after readiness turned 503,
 *     so that load balancers probing readiness stop sending traffic before the port closes (REL-10)
 * @param shutdownGrace how long {@code stop()} then waits for in-flight requests (REL-10)
 * @param accessLog one line per finished request, in {@link AccessLog}'s format; off by default
 */
public record WebSettings(
    String host,
    int port,
    URI publicBaseUrl,
    ClientLoginSettings client,
    boolean secureCookies,
    TrustedProxies trustedProxies,
    Set<String> frameAncestors,
    int loginRateLimit,
    int loginRateLimitPerAddress,
    Duration shutdownDelay,
    Duration shutdownGrace,
    boolean accessLog) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_LOGIN_RATE_LIMIT = 20;
  public static final int DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS = 300;

  /**
   * Long enough for a load balancer that probes every few seconds, or for an orchestrator's
   * endpoint removal, to reach every router before the port closes; short enough that delay plus
   * grace stays inside Kubernetes' default 30 s termination grace period.
   */
  public static final Duration DEFAULT_SHUTDOWN_DELAY = Duration.ofSeconds(5);

  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

  /** The rate-limit window: each bucket refills completely over it. */
  static final Duration LOGIN_RATE_WINDOW = Duration.ofMinutes(1);

  /** Larger bodies get 413 before they are read (SEC-28). */
  static final int MAX_REQUEST_BODY_BYTES = 16 * 1024;

  /** Larger request headers get 431 (SEC-28). */
  static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;

  /** The classpath folder holding index.html and assets/. */
  static final String STATIC_FILES_ROOT = "/frontend";

  /** How long browsers may reuse /assets/* without asking (file names carry no hash). */
  static final Duration ASSETS_MAX_AGE = Duration.ofMinutes(5);

  /**
   * Lifetime of the login state and nonce cookies: a pending login lives at most 10 min (SEC-17).
   */
  static final Duration LOGIN_COOKIE_MAX_AGE = Duration.ofMinutes(10);

  /** The Retry-After sent on a 503 when the cause gave no hint. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);

  /** An origin as CSP and the Origin header write it; nothing that could break out of a policy. */
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

  public WebSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535");
    }
    publicBaseUrl = requirePublicOrigin(publicBaseUrl);
    Objects.requireNonNull(client, "client");
    requireOrigin(clientScriptOrigin(client), "the client script");
    avatarOrigins(client).forEach(origin -> requireOrigin(origin, "the avatar origins"));
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    frameAncestors = requireFrameAncestors(frameAncestors, secureCookies);
    requireAtLeast(loginRateLimit, 1, "loginRateLimit");
    requireAtLeast(loginRateLimitPerAddress, 1, "loginRateLimitPerAddress");
    requireNotNegative(shutdownDelay, "shutdownDelay");
    requireNotNegative(shutdownGrace, "shutdownGrace");
  }

  /** The defaults above; secure cookies exactly when the public URL is https. */
  public static WebSettings of(URI publicBaseUrl, ClientLoginSettings client) {
    return new WebSettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        publicBaseUrl,
        client,
        secureByDefault(publicBaseUrl),
        TrustedProxies.NONE,
        Set.of(),
        DEFAULT_LOGIN_RATE_LIMIT,
        DEFAULT_LOGIN_RATE_LIMIT_PER_ADDRESS,
        DEFAULT_SHUTDOWN_DELAY,
        DEFAULT_SHUTDOWN_GRACE,
        false);
  }

  public WebSettings withAddress(String newHost, int newPort) {
    return with(
        d -> {
          d.host = newHost;
          d.port = newPort;
        });
  }

  /**
   * Secure cookies (set true behind a TLS-ending proxy) and the origins that may frame the page.
   */
  public WebSettings withCookies(boolean secure, Set<String> newFrameAncestors) {
    return with(
        d -> {
          d.secureCookies = secure;
          d.frameAncestors = newFrameAncestors;
        });
  }

  public WebSettings withTrustedProxies(TrustedProxies proxies) {
    return with(d -> d.trustedProxies = proxies);
  }

  /** Login attempts per browser and login requests per address, each per minute. */
  public WebSettings withLoginRateLimits(int perBrowser, int perAddress) {
    return with(
        d -> {
          d.loginRateLimit = perBrowser;
          d.loginRateLimitPerAddress = perAddress;
        });
  }

  public WebSettings withShutdown(Duration delay, Duration grace) {
    return with(
        d -> {
          d.shutdownDelay = delay;
          d.shutdownGrace = grace;
        });
  }

  public WebSettings withAccessLog(boolean on) {
    return with(d -> d.accessLog = on);
  }

  /** A copy with some fields changed, validated again by the canonical constructor. */
  private WebSettings with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The fields of a copy under construction: each wither names only what it changes. */
  private static final class Draft {
    private final URI publicBaseUrl;
    private final ClientLoginSettings client;
    private String host;
    private int port;
    private boolean secureCookies;
    private TrustedProxies trustedProxies;
    private Set<String> frameAncestors;
    private int loginRateLimit;
    private int loginRateLimitPerAddress;
    private Duration shutdownDelay;
    private Duration shutdownGrace;
    private boolean accessLog;

    private Draft(WebSettings s) {
      host = s.host;
      port = s.port;
      publicBaseUrl = s.publicBaseUrl;
      client = s.client;
      secureCookies = s.secureCookies;
      trustedProxies = s.trustedProxies;
      frameAncestors = s.frameAncestors;
      loginRateLimit = s.loginRateLimit;
      loginRateLimitPerAddress = s.loginRateLimitPerAddress;
      shutdownDelay = s.shutdownDelay;
      shutdownGrace = s.shutdownGrace;
      accessLog = s.accessLog;
    }

    private WebSettings build() {
      return new WebSettings(
          host,
          port,
          publicBaseUrl,
          client,
          secureCookies,
          trustedProxies,
          frameAncestors,
          loginRateLimit,
          loginRateLimitPerAddress,
          shutdownDelay,
          shutdownGrace,
          accessLog);
    }
  }

  /** The page is framed by other origins: SameSite=None cookies and their frame-ancestors. */
  public boolean embedMode() {
    return !frameAncestors.isEmpty();
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

  /**
   * The public base URL as an origin ({@code scheme://host[:port]}, lower case, no default port).
   *
   * @throws IllegalArgumentException when it has a path other than {@code /}, a query, a fragment
   *     or a user part, or is not http(s): the app serves its page at the origin's root
   */
  public static URI requirePublicOrigin(URI url) {
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

  /** Whether cookies are Secure when not set otherwise: exactly when the public URL is https. */
  public static boolean secureByDefault(URI publicBaseUrl) {
    return "https".equalsIgnoreCase(publicBaseUrl.getScheme());
  }

  /**
   * The origins that may frame the page, checked: a launcher's configuration reader applies the
   * same rule before start-up (the README, "Embedding").
   *
   * @return an unmodifiable copy
   * @throws IllegalArgumentException naming the entry that is not an http(s) origin ({@code
   *     scheme://host[:port]}, no path: CSP frame-ancestors sources), or when any is given without
   *     Secure cookies: browsers drop {@code SameSite=None} cookies without {@code Secure} (RFC
   *     6265bis §4.1.2.7)
   */
  public static Set<String> requireFrameAncestors(Set<String> origins, boolean secureCookies) {
    origins.forEach(origin -> requireOrigin(origin, "each embedding origin"));
    if (!origins.isEmpty() && !secureCookies) {
      throw new IllegalArgumentException(
          "embed mode needs Secure cookies (an https public URL, or secure cookies set true behind"
              + " a TLS-ending proxy): browsers drop SameSite=None cookies without Secure");
    }
    return Set.copyOf(origins);
  }

  private static void requireOrigin(String origin, String name) {
    if (!ORIGIN.matcher(origin).matches()) {
      throw new IllegalArgumentException(
          name + " must be an http(s) origin (scheme://host[:port], no path), was " + origin);
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
}
