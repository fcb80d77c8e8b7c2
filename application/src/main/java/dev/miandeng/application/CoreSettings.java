package dev.miandeng.application;

import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings the use cases read, from the configuration: which tenants may log in, how long a
 * session lives ({@link SessionPolicy}), and how long a started login may take before its one-time
 * nonce or state expires ({@code loginTtl}; {@code PendingLogin} caps it).
 */
public record CoreSettings(
    TenantAllowList tenants, SessionPolicy sessionPolicy, Duration loginTtl) {

  public CoreSettings {
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(sessionPolicy, "sessionPolicy");
    Objects.requireNonNull(loginTtl, "loginTtl");
  }
}
