package dev.miandeng.adapter.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import java.util.Objects;
import org.eclipse.jetty.server.Server;

/**
 * What the web adapter counts, in the {@link MeterRegistry} it is given. Every label value is
 * chosen by the server from a closed set (never a user, an address or a URL):
 *
 * <ul>
 *   <li>{@code miandeng.logins} ({@code miandeng_logins_total}) by {@code outcome}: {@code
 *       logged_in}, each refusal of {@link LoginFailures#outcome} ({@code state_rejected}, {@code
 *       code_refused}, {@code user_not_allowed}, {@code tenant_not_allowed}), and from {@link
 *       Outages} {@code auth_center_unavailable} and {@code auth_center_misconfigured} (only logins
 *       call the auth center). A login refused by the rate limit never reached the use case: it is
 *       counted in {@code miandeng.rate.limited} instead.
 *   <li>{@code miandeng.outages} ({@code miandeng_outages_total}) by {@code reason}, the error code
 *       {@link Outages} answered on any route: {@code auth_center_unavailable}, {@code
 *       store_unavailable}, {@code server_misconfigured}.
 *   <li>{@code miandeng.rate.limited} ({@code miandeng_rate_limited_total}) by {@code limit}:
 *       {@code browser}, {@code address} (SEC-33), {@code client_errors} (the beacon's own limit).
 *   <li>{@code miandeng.client.errors} ({@code miandeng_client_errors_total}) by {@code api} and
 *       {@code errno}: the JSAPI failures the page reported through {@link ClientErrorBeacon}.
 * </ul>
 *
 * Plus Micrometer's Jetty binders once the server runs: {@code jetty_connections_*} and {@code
 * jetty_threads_*}.
 */
final class WebMetrics {

  private final MeterRegistry registry;

  WebMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  void login(String outcome) {
    Counter.builder("miandeng.logins")
        .description("Finished login attempts by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void outage(String reason) {
    Counter.builder("miandeng.outages")
        .description("Requests answered with an outage (503) or a misconfiguration (500)")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  void rateLimited(String limit) {
    Counter.builder("miandeng.rate.limited")
        .description("Requests refused with 429 by a rate limit")
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  void clientError(String api, String errno) {
    Counter.builder("miandeng.client.errors")
        .description("JSAPI failures reported by the page")
        .tag("api", api)
        .tag("errno", errno)
        .register(registry)
        .increment();
  }

  /**
   * Micrometer's Jetty binders on a started server: connections on every connector and the thread
   * pool. They are written against Jetty's stable {@code Connection.Listener} and {@code
   * ThreadPool} interfaces, which Jetty 12 (the one Javalin 7 brings) still has.
   */
  void bindServer(Server server) {
    JettyConnectionMetrics.addToAllConnectors(server, registry, Tags.empty());
    new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(registry);
  }
}
