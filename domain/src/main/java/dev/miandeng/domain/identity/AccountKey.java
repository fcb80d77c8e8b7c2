package dev.miandeng.domain.identity;

/** The key a user is stored under: tenant plus the app-scoped open id (SEC-22). */
public record AccountKey(String tenantKey, String openId) {

  public AccountKey {
    tenantKey = Text.requireToken(tenantKey, "tenantKey", 128);
    openId = Text.requireToken(openId, "openId", 128);
  }

  @Override
  public String toString() {
    return tenantKey + "/" + openId;
  }
}
