package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per security-relevant event (SEC-34) on the logger "security", as key=value
 * pairs an aggregator can parse: UTC time, event, outcome, request id, client address and the user
 * key when known. Codes, tokens, nonces and session ids are never passed in, so they cannot leak.
 */
final class SecurityEvents {

  static final String LOGGER = "security";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._:/@-]");

  private final Clock clock;
  private final ClientAddress clients;

  SecurityEvents(Clock clock, ClientAddress clients) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  void record(Context ctx, String event, String outcome, String userKey) {
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "time={} event={} outcome={} requestId={} client={} user={}",
          clock.instant(),
          safe(event),
          safe(outcome),
          RequestIds.of(ctx),
          clients.of(ctx).getHostAddress(),
          userKey == null ? "-" : safe(userKey));
    }
  }

  void record(Context ctx, String event, String outcome) {
    record(ctx, event, outcome, null);
  }

  /** Keeps one value one token: no spaces or newlines that could forge another field or line. */
  private static String safe(String value) {
    return UNSAFE.matcher(value).replaceAll("_");
  }
}
