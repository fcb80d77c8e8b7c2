package dev.miandeng.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How operators watch the app: the management port that serves {@code /metrics}, and the log
 * format.
 *
 * @param managementPort empty: no management port (the default); {@code 0}: a free port
 * @param managementHost the address the management port binds, loopback unless configured
 * @param jsonLogs one JSON object per log line (with the request id) instead of the text pattern
 */
public record OperationsConfig(
    Optional<Integer> managementPort, String managementHost, boolean jsonLogs) {

  public OperationsConfig {
    Objects.requireNonNull(managementPort, "managementPort");
    Objects.requireNonNull(managementHost, "managementHost");
  }

  @Override
  public String toString() {
    return "metrics "
        + managementPort
            .map(p -> "/metrics on " + managementHost + ":" + (p == 0 ? "a free port" : p))
            .orElse("off")
        + ", logs as "
        + (jsonLogs ? "JSON" : "text");
  }
}
