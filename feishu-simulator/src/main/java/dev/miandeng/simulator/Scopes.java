package dev.miandeng.simulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scope strings: what an app may ask for, what a token grants and which user_info fields each scope
 * reveals.
 *
 * <p>Sources: "obtain-oauth-code" (scope is space separated and case sensitive; a scope the app has
 * not enabled gives 20027; grants accumulate), "get-user-access-token" (the reply's {@code scope}
 * lists what the token carries; the optional {@code scope} parameter narrows it, 20067 for a
 * duplicate, 20068 for one outside the grant) and "login-state-management/get" (the field
 * permissions of user_info).
 */
final class Scopes {
  /** Every user token at least lets the app read who the user is. */
  static final String IDENTITY = "auth:user.id:read";

  static final String OFFLINE_ACCESS = "offline_access";

  /** user_info {@code email}. */
  static final String EMAIL = "contact:user.email:readonly";

  /** user_info {@code enterprise_email} and {@code employee_no}. */
  static final String EMPLOYEE = "contact:user.employee:readonly";

  /** user_info {@code user_id}. */
  static final String EMPLOYEE_ID = "contact:user.employee_id:readonly";

  /** user_info {@code mobile}. */
  static final String PHONE = "contact:user.phone:readonly";

  /** task/v2 (task-v2/task/list, 权限要求): read tasks; either this or {@link #TASK_WRITE}. */
  static final String TASK_READ = "task:task:read";

  /** task/v2: view, create, update and delete tasks; it lets the list call through too. */
  static final String TASK_WRITE = "task:task:write";

  /** Each of these also reveals {@code employee_no} (login-state-management/get). */
  static final List<String> CONTACT_READ =
      List.of(
          "contact:contact:readonly",
          "contact:contact:access_as_app",
          "contact:contact:readonly_as_app");

  /** What the simulated app has enabled unless told otherwise. */
  static final List<String> DEFAULT_ENABLED =
      List.of(IDENTITY, OFFLINE_ACCESS, EMAIL, EMPLOYEE, EMPLOYEE_ID, PHONE, TASK_READ);

  private Scopes() {}

  /** The scopes of a space-separated string, in order, empty entries dropped. */
  static List<String> parse(String scopes) {
    List<String> parsed = new ArrayList<>();
    if (scopes != null) {
      for (String scope : scopes.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          parsed.add(scope);
        }
      }
    }
    return parsed;
  }

  /** The granted scope string: identity plus whatever was asked, space separated, no duplicates. */
  static String granted(String requested) {
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add(IDENTITY);
    scopes.addAll(parse(requested));
    return String.join(" ", scopes);
  }

  /** The first scope of {@code requested} the app has not enabled, or null when all are. */
  static String firstNotEnabled(String requested, List<String> enabled) {
    return parse(requested).stream()
        .filter(scope -> !IDENTITY.equals(scope) && !enabled.contains(scope))
        .findFirst()
        .orElse(null);
  }

  static boolean grants(String grantedScopes, String scope) {
    return parse(grantedScopes).contains(scope);
  }

  static boolean grantsEmployeeNo(String grantedScopes) {
    List<String> granted = parse(grantedScopes);
    return granted.contains(EMPLOYEE) || CONTACT_READ.stream().anyMatch(granted::contains);
  }

  static String join(List<String> scopeList) {
    return String.join(" ", scopeList);
  }
}
