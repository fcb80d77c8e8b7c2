package dev.miandeng.simulator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /open-apis/authen/v1/user_info with a user_access_token (brief §3.4). The sensitive fields
 * are present only when the token's scope grants their field permission
 * ("login-state-management/get", 字段权限要求): {@code email} needs {@value Scopes#EMAIL}, {@code
 * enterprise_email} {@value Scopes#EMPLOYEE}, {@code user_id} {@value Scopes#EMPLOYEE_ID}, {@code
 * mobile} {@value Scopes#PHONE}, {@code employee_no} {@value Scopes#EMPLOYEE} or one of {@link
 * Scopes#CONTACT_READ}; a granted field the user does not have is absent too.
 */
final class UserInfoRoutes {
  static final String PATH = "/open-apis/authen/v1/user_info";
  private static final SimulatedEndpoint ENDPOINT = SimulatedEndpoint.USER_INFO;

  private final UserTokenStore userTokens;
  private final Roster roster;
  private final PublicAddress address;

  UserInfoRoutes(UserTokenStore userTokens, Roster roster, PublicAddress address) {
    this.userTokens = userTokens;
    this.roster = roster;
    this.address = address;
  }

  void register(RoutesConfig routes, AuthCenterGate gate) {
    routes.get(PATH, gate.guard(ENDPOINT, this::userInfo));
  }

  private void userInfo(Context ctx) {
    switch (userTokens.lookupAccess(BearerTokens.from(ctx))) {
      case UserTokenStore.RefusedAccess refused ->
          AuthCenterErrors.send(ctx, ENDPOINT, 400, refused.errorCode());
      case UserTokenStore.ValidAccess valid -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", 0);
        body.put("msg", "success");
        body.put("data", data(roster.require(valid.grant().openId()), valid.grant().scope()));
        Json.send(ctx, 200, body);
      }
    }
  }

  private Map<String, Object> data(SimulatedUser user, String scope) {
    String avatar = address.avatarUrlOf(user);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", user.name());
    data.put("en_name", user.enName() == null ? "" : user.enName());
    data.put("avatar_url", avatar);
    data.put("avatar_thumb", avatar);
    data.put("avatar_middle", avatar);
    data.put("avatar_big", avatar);
    data.put("open_id", user.openId());
    data.put("union_id", user.unionId());
    data.put("tenant_key", user.tenantKey());
    putIf(data, "email", user.email(), Scopes.grants(scope, Scopes.EMAIL));
    putIf(data, "enterprise_email", user.enterpriseEmail(), Scopes.grants(scope, Scopes.EMPLOYEE));
    putIf(data, "user_id", user.userId(), Scopes.grants(scope, Scopes.EMPLOYEE_ID));
    putIf(data, "mobile", user.mobile(), Scopes.grants(scope, Scopes.PHONE));
    putIf(data, "employee_no", user.employeeNo(), Scopes.grantsEmployeeNo(scope));
    return data;
  }

  private static void putIf(Map<String, Object> data, String field, String value, boolean granted) {
    if (granted && value != null) {
      data.put(field, value);
    }
  }
}
