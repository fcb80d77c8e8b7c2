package dev.miandeng.domain.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Which organisations may log in (SEC-22). Empty means any tenant: a single-tenant self-built app
 * is already limited by Feishu itself, and this list is the second lock for apps sold to many
 * tenants.
 */
public record TenantAllowList(Set<String> tenantKeys) {

  public static final TenantAllowList ANY = new TenantAllowList(Set.of());

  public TenantAllowList {
    tenantKeys = Set.copyOf(Objects.requireNonNull(tenantKeys, "tenantKeys"));
  }

  public boolean allows(String tenantKey) {
    return tenantKeys.isEmpty() || tenantKeys.contains(tenantKey);
  }
}
