package dev.miandeng.domain.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a person is at the identity provider. The account key is {@code tenantKey + openId}: names
 * and e-mail addresses are imported by admins and unverified, so they never identify anyone
 * (SEC-22).
 *
 * @param tenantKey the organisation (tenant) the person belongs to
 * @param openId the person's id for this app
 * @param unionId the person's id across the developer's apps
 * @param userId the tenant-internal employee id, present only with the extra scope
 */
public record Identity(String tenantKey, String openId, String unionId, Optional<String> userId) {

  private static final int MAX_LENGTH = 128;

  public Identity {
    tenantKey = Text.requireToken(tenantKey, "tenantKey", MAX_LENGTH);
    openId = Text.requireToken(openId, "openId", MAX_LENGTH);
    unionId = Text.requireToken(unionId, "unionId", MAX_LENGTH);
    Objects.requireNonNull(userId, "userId");
    userId.ifPresent(id -> Text.requireToken(id, "userId", MAX_LENGTH));
  }

  /** The stable account key: one user per (tenant, open id). */
  public AccountKey accountKey() {
    return new AccountKey(tenantKey, openId);
  }
}
