package dev.miandeng.app.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The management port that serves {@code /metrics}.
 *
 * @param port empty: no management port (the default); {@code 0}: a free port
 * @param host the address it binds, loopback unless configured otherwise
 */
public record ManagementConfig(Optional<Integer> port, String host) {

  public ManagementConfig {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(host, "host");
  }

  @Override
  public String toString() {
    return port.map(p -> "/metrics on " + host + ":" + (p == 0 ? "a free port" : p)).orElse("off");
  }
}
