package dev.miandeng.adapter.web;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.store.StoreUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the ports' outage exceptions become answers, whichever route they passed through
 * (the use cases let them through): a dependency that is down is 503 with {@code Retry-After}
 * (REL-03, REL-08), an auth center that refuses the app's own credentials is 500 with an ERROR line
 * naming what to fix. {@link WebServer} registers these as Javalin exception handlers; {@link
 * ErrorResponses} writes the JSON error or the failure page.
 */
final class Outages {

  private static final Logger LOG = LoggerFactory.getLogger(Outages.class);

  private final Duration defaultRetryAfter;
  private final WebMetrics metrics;

  /**
   * @param defaultRetryAfter the wait to advise when the dependency gave no hint of its own
   * @param metrics counts each answer by its error code, and the auth center's as login outcomes
   *     when a login met them (logins and the JSAPI signature call the auth center)
   */
  Outages(Duration defaultRetryAfter, WebMetrics metrics) {
    this.defaultRetryAfter = defaultRetryAfter;
    this.metrics = metrics;
  }

  RequestRejectedException authCenterUnavailable(
      AuthCenterUnavailableException e, boolean duringLogin) {
    metrics.outage("auth_center_unavailable");
    if (duringLogin) {
      metrics.login("auth_center_unavailable");
    }
    return new RequestRejectedException(
        503,
        "auth_center_unavailable",
        "Feishu cannot be reached right now. Please try again shortly.",
        Optional.of(e.retryAfter().orElse(defaultRetryAfter)));
  }

  RequestRejectedException storeUnavailable(StoreUnavailableException e) {
    metrics.outage("store_unavailable");
    return new RequestRejectedException(
        503,
        "store_unavailable",
        "The app cannot reach its storage right now. Please try again shortly.",
        Optional.of(defaultRetryAfter));
  }

  RequestRejectedException authCenterMisconfigured(
      AuthCenterMisconfiguredException e, boolean duringLogin) {
    // The operator needs the details; the browser gets none of them.
    LOG.error("the app is misconfigured for the auth center: {}", e.getMessage());
    metrics.outage("server_misconfigured");
    if (duringLogin) {
      metrics.login("auth_center_misconfigured");
    }
    return new RequestRejectedException(
        500,
        "server_misconfigured",
        "The app's Feishu settings are wrong. The operator has been told what to fix.");
  }
}
