package dev.miandeng.adapter.web;

import dev.miandeng.domain.user.User;

/**
 * The {@code user} object of WEB-API.md: display fields only, never ids or tokens. Records, so
 * Jackson writes them with a serializer built once instead of looking up each map value's type.
 */
final class UserJson {

  private UserJson() {}

  /** {@code {"user": {...}}}, the body of {@code GET /api/me} and of a login. */
  record Wrapped(Fields user) {}

  /** The fields, in this order. */
  record Fields(String name, String enName, String avatarUrl, String tenantKey) {}

  static Wrapped wrap(User user) {
    return new Wrapped(
        new Fields(
            user.profile().name(),
            user.profile().englishName(),
            user.profile().avatarUrl(),
            user.identity().tenantKey()));
  }

  static String key(User user) {
    return user.identity().accountKey().toString();
  }
}
