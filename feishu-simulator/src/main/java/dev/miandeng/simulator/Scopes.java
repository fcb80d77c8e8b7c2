package dev.miandeng.simulator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Scope strings: what a token grants for what was asked. */
final class Scopes {
  /** Every user token at least lets the app read who the user is. */
  static final String IDENTITY = "auth:user.id:read";

  private Scopes() {}

  /** The granted scope string: identity plus whatever was asked, space separated, no duplicates. */
  static String granted(String requested) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(IDENTITY);
    if (requested != null) {
      for (String scope : requested.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    }
    return String.join(" ", scopes);
  }

  static String join(List<String> scopeList) {
    return String.join(" ", scopeList);
  }
}
