package dev.miandeng.app.config;

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
 */
public record HttpConfig(
    String host,
    int port,
    Optional<URI> publicBaseUrl,
    Optional<Boolean> secureCookies,
    Set<String> trustedProxies,
    Set<String> embedOrigins,
    int loginRateLimitPerMinute,
    Duration shutdownGrace) {

  public HttpConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(secureCookies, "secureCookies");
    trustedProxies = Set.copyOf(trustedProxies);
    embedOrigins = Set.copyOf(embedOrigins);
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
        + " logins/min per client, shutdown grace "
        + shutdownGrace;
  }

  /** The public origin: configured, or the local address for a demo on this machine. */
  public URI publicBaseUrlOr(int boundPort) {
    return publicBaseUrl.orElse(URI.create("http://127.0.0.1:" + boundPort));
  }
}
