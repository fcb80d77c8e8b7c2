package dev.miandeng.app.config;

import dev.miandeng.adapter.web.TrustedProxies;
import dev.miandeng.adapter.web.WebSettings;
import dev.miandeng.domain.identity.ClientLoginSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the web adapter listens and how browsers reach it.
 *
 * @param publicBaseUrl the origin browsers use; empty means {@code http://127.0.0.1:<port>} (local
 *     demo)
 * @param secureCookies empty means "when the public URL is https"
 * @param trustedProxies the proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed
 * @param loginRateLimitPerMinute login attempts one browser may spend per minute (SEC-33)
 * @param loginRateLimitPerAddressPerMinute login requests of any kind per minute from one address
 *     (IPv6: one /64)
 * @param shutdownDelay how long the server keeps serving after readiness turned 503 (REL-10)
 * @param shutdownGrace how long in-flight requests may then finish (REL-10)
 * @param accessLog one line per finished request on the {@code access} logger
 */
public record HttpConfig(
    String host,
    int port,
    Optional<URI> publicBaseUrl,
    Optional<Boolean> secureCookies,
    TrustedProxies trustedProxies,
    Set<String> embedOrigins,
    int loginRateLimitPerMinute,
    int loginRateLimitPerAddressPerMinute,
    Duration shutdownDelay,
    Duration shutdownGrace,
    boolean accessLog) {

  public HttpConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(secureCookies, "secureCookies");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    embedOrigins = Set.copyOf(embedOrigins);
    Objects.requireNonNull(shutdownDelay, "shutdownDelay");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
  }

  @Override
  public String toString() {
    return host
        + ":"
        + (port == 0 ? "a free port" : port)
        + ", public URL "
        + publicBaseUrl.map(URI::toString).orElse("http://127.0.0.1:<port>")
        + ", secure cookies "
        + secureCookies.map(String::valueOf).orElse("when https")
        + ", trusted proxies "
        + trustedProxies
        + ", embed origins "
        + embedOrigins
        + ", "
        + loginRateLimitPerMinute
        + " login attempts/min per browser, "
        + loginRateLimitPerAddressPerMinute
        + " login requests/min per address, shutdown delay "
        + shutdownDelay
        + " then grace "
        + shutdownGrace
        + ", access log "
        + (accessLog ? "on" : "off");
  }

  /**
   * The web adapter's settings: this configuration bound to {@code boundPort} (the configured port,
   * or the free one chosen for 0), handing the page {@code client}'s login settings.
   */
  public WebSettings webSettings(int boundPort, ClientLoginSettings client) {
    WebSettings defaults = WebSettings.of(publicBaseUrlOr(boundPort), client);
    return defaults
        .withAddress(host, boundPort)
        .withCookies(secureCookies.orElse(defaults.secureCookies()), embedOrigins)
        .withTrustedProxies(trustedProxies)
        .withLoginRateLimits(loginRateLimitPerMinute, loginRateLimitPerAddressPerMinute)
        .withShutdown(shutdownDelay, shutdownGrace)
        .withAccessLog(accessLog);
  }

  /** The public origin: configured, or the local address for a demo on this machine. */
  public URI publicBaseUrlOr(int boundPort) {
    return publicBaseUrl.orElse(URI.create("http://127.0.0.1:" + boundPort));
  }
}
