package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scopes are honoured: user_info shows a field only when its field permission was granted
 * (login-state-management/get), the token's scope says what was granted and may be narrowed
 * (get-user-access-token: 20067 / 20068), and a scope the app has not enabled is refused
 * (obtain-oauth-code: 20027).
 */
class ScopeRulesTest extends SimulatorTestBase {
  private static final String CONTACT_READ = "contact:contact:readonly";

  @Override
  SimulatorSettings settings() {
    List<String> enabled = new ArrayList<>(Scopes.DEFAULT_ENABLED);
    enabled.add(CONTACT_READ);
    return super.settings().withEnabledScopes(enabled);
  }

  private JsonNode userInfoWith(String scope) {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, scope);
    String token = exchangeV2(code).json().get("access_token").asText();
    SimHttp.Answer answer = http.get(UserInfoRoutes.PATH, token);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("data");
  }

  @Test
  @DisplayName(
      "identity only: user_info has no email, enterprise_email, user_id, mobile, employee_no")
  void identityOnly() {
    JsonNode data = userInfoWith("");

    assertThat(data.get("open_id").asText()).isEqualTo(ZHANG_SAN);
    assertThat(data.get("name").asText()).isEqualTo("张三");
    for (String field : List.of("email", "enterprise_email", "user_id", "mobile", "employee_no")) {
      assertThat(data.has(field)).as(field).isFalse();
    }
  }

  @Test
  @DisplayName("each field permission reveals exactly its fields")
  void eachScopeRevealsItsFields() {
    Map<String, List<String>> revealed =
        Map.of(
            Scopes.EMAIL,
            List.of("email"),
            Scopes.EMPLOYEE,
            List.of("enterprise_email", "employee_no"),
            Scopes.EMPLOYEE_ID,
            List.of("user_id"),
            Scopes.PHONE,
            List.of("mobile"),
            CONTACT_READ,
            List.of("employee_no"));
    List<String> optional =
        List.of("email", "enterprise_email", "user_id", "mobile", "employee_no");
    revealed.forEach(
        (scope, fields) -> {
          JsonNode data = userInfoWith(scope);
          for (String field : optional) {
            assertThat(data.has(field))
                .as(scope + " -> " + field)
                .isEqualTo(fields.contains(field));
          }
        });
    JsonNode all = userInfoWith(sim.control().defaultCodeScope());
    assertThat(all.get("email").asText()).isEqualTo("zhangsan@example.com");
    assertThat(all.get("enterprise_email").asText()).isEqualTo("zhangsan@corp.example");
    assertThat(all.get("user_id").asText()).isEqualTo("zhangsan");
    assertThat(all.get("mobile").asText()).isEqualTo("+8613800000001");
    assertThat(all.get("employee_no").asText()).isEqualTo("E0001");
  }

  @Test
  @DisplayName("the token's scope is the grant: identity plus what was asked, nothing more")
  void grantedScopeString() {
    String code =
        sim.control()
            .issueCode(
                ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, Scopes.EMAIL + " " + Scopes.EMAIL);

    JsonNode tokens = exchangeV2(code).json();

    assertThat(tokens.get("scope").asText()).isEqualTo("auth:user.id:read " + Scopes.EMAIL);
    assertThat(tokens.has("refresh_token")).isFalse();
  }

  @Test
  @DisplayName(
      "the v2 scope parameter narrows the token; a duplicate is 20067, a scope outside the grant"
          + " 20068")
  void narrowing() {
    String granted = Scopes.EMAIL + " " + Scopes.PHONE + " offline_access";
    String narrowed =
        sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, granted);
    JsonNode tokens = exchangeV2(narrowed, Map.of("scope", Scopes.PHONE)).json();
    assertThat(tokens.get("code").asInt()).isZero();
    assertThat(tokens.get("scope").asText()).isEqualTo(Scopes.PHONE);
    assertThat(tokens.has("refresh_token")).isFalse();
    JsonNode data =
        http.get(UserInfoRoutes.PATH, tokens.get("access_token").asText()).json().get("data");
    assertThat(data.has("mobile")).isTrue();
    assertThat(data.has("email")).isFalse();

    String twice = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, granted);
    SimHttp.Answer duplicate =
        exchangeV2(twice, Map.of("scope", Scopes.PHONE + " " + Scopes.PHONE));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().get("code").asInt()).isEqualTo(20067);

    String wider = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, granted);
    SimHttp.Answer outside = exchangeV2(wider, Map.of("scope", Scopes.EMPLOYEE_ID));
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.json().get("code").asInt()).isEqualTo(20068);
    assertThat(outside.json().get("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  @DisplayName("a code cannot carry a scope the app has not enabled (Java API and control API)")
  void notEnabledScopeCannotBeIssued() {
    assertThatThrownBy(
            () ->
                sim.control()
                    .issueCode(ZHANG_SAN, CodeKind.BROWSER, null, null, "bitable:app:readonly"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bitable:app:readonly");
    SimHttp.Answer answer =
        http.post(
            "/_sim/codes",
            Map.of("openId", ZHANG_SAN, "kind", "requestAccess", "scope", "bitable:app:readonly"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).contains("bitable:app:readonly");
  }
}
