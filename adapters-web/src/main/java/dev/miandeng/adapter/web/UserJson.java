package dev.miandeng.adapter.web;

import dev.miandeng.domain.user.User;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code user} object of WEB-API.md: display fields only, never ids or tokens. */
final class UserJson {

  private UserJson() {}

  static Map<String, Object> wrap(User user) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", user.profile().name());
    fields.put("enName", user.profile().englishName());
    fields.put("avatarUrl", user.profile().avatarUrl());
    fields.put("tenantKey", user.identity().tenantKey());
    return Map.of("user", fields);
  }

  static String key(User user) {
    return user.identity().accountKey().toString();
  }
}
