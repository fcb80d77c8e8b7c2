package dev.miandeng.app.config;

import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.domain.identity.TenantAllowList;
import dev.miandeng.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration, typed and validated: read once at start-up by {@link AppConfigReader}.
 * The core receives only the parts it needs (session policy, tenant allow-list, login TTL).
 */
public record AppConfig(
    HttpConfig http,
    PersistenceConfig persistence,
    FeishuSettings identity,
    SessionPolicy sessionPolicy,
    TenantAllowList tenants,
    Duration loginTtl,
    OperationsConfig operations) {

  public AppConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(sessionPolicy, "sessionPolicy");
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(loginTtl, "loginTtl");
    Objects.requireNonNull(operations, "operations");
  }

  /** The start-up summary's warnings: settings that start but leave a feature unable to work. */
  public List<String> warnings() {
    return identity.withoutAppSecret().stream().toList();
  }

  /** The start-up summary: one line per setting, secrets masked by the records' own toString. */
  public List<String> describe() {
    return List.of(
        "http:        " + http,
        "persistence: " + persistence,
        "token vault: " + persistence.userTokens(),
        "identity:    " + identity,
        "sessions:    idle "
            + sessionPolicy.idleTimeout()
            + ", absolute "
            + sessionPolicy.absoluteLifetime()
            + ", last-seen writes every "
            + sessionPolicy.lastSeenWriteInterval(),
        "tenants:     " + (tenants.tenantKeys().isEmpty() ? "any" : tenants.tenantKeys()),
        "logins:      pending logins live " + loginTtl,
        "operations:  " + operations);
  }
}
