package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * GET /open-apis/task/v2/tasks (task-v2/task/list): the scope check and its 99991679 answer, tasks
 * per user, bad parameters; and the consent sheet requestAccess asks the shim to show for scopes
 * beyond identity.
 */
class TasksAndConsentTest extends SimulatorTestBase {

  private String tokenOf(String openId, String scope) {
    String code = sim.control().issueCode(openId, CodeKind.REQUEST_ACCESS, null, null, scope);
    return exchangeV2(code).json().get("access_token").asText();
  }

  private SimHttp.Answer askCode(String consent, List<String> scopes) {
    Map<String, Object> body =
        consent == null
            ? Map.of("kind", "requestAccess", "appId", sim.appId(), "scopeList", scopes)
            : Map.of(
                "kind",
                "requestAccess",
                "appId",
                sim.appId(),
                "scopeList",
                scopes,
                "consent",
                consent);
    return http.post(JsapiRoutes.CODE_PATH, body);
  }

  @Test
  @DisplayName("a token with task:task:read lists the user's own tasks, in the documented shape")
  void tasksOfTheUser() {
    SimHttp.Answer answer =
        http.get(
            TaskRoutes.PATH + "?type=my_tasks&page_size=50", tokenOf(ZHANG_SAN, "task:task:read"));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode data = answer.json().get("data");
    assertThat(data.get("items")).hasSize(3);
    assertThat(data.at("/items/0/summary").asText()).isEqualTo("写年中总结");
    assertThat(data.at("/items/0/due/timestamp").isTextual()).isTrue();
    assertThat(data.at("/items/0/completed_at").asText()).isEqualTo("0");
    assertThat(data.at("/items/2/completed_at").asText()).isNotEqualTo("0");
    assertThat(data.get("has_more").asBoolean()).isFalse();

    assertThat(
            http.get(TaskRoutes.PATH, tokenOf("ou_sim_alice", "task:task:read"))
                .json()
                .at("/data/items"))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "without a task scope: 99991679, HTTP 400, the scopes in msg and permission_violations")
  void scopeMissing() {
    SimHttp.Answer answer = http.get(TaskRoutes.PATH, tokenOf(ZHANG_SAN, "offline_access"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("code").asInt()).isEqualTo(99991679);
    assertThat(answer.json().get("msg").asText())
        .contains("required one of these privileges under the user identity: [task:task:read,");
    assertThat(answer.json().at("/error/permission_violations/0/subject").asText())
        .isEqualTo("task:task:read");
    assertThat(answer.json().at("/error/permission_violations/1/subject").asText())
        .isEqualTo("task:task:write");
  }

  @Test
  @DisplayName("an unknown token is 99991668; a page_size out of 1-100 is 1470400")
  void badTokenAndParameters() {
    assertThat(http.get(TaskRoutes.PATH, "u-unknown").json().get("code").asInt())
        .isEqualTo(99991668);
    SimHttp.Answer tooBig =
        http.get(TaskRoutes.PATH + "?page_size=101", tokenOf(ZHANG_SAN, "task:task:read"));
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.json().get("code").asInt()).isEqualTo(1470400);
  }

  @Test
  @DisplayName(
      "requestAccess asks the shim for a consent sheet for new scopes only; after allow, no sheet")
  void consentSheet() {
    SimHttp.Answer sheet = askCode("ask", List.of("offline_access", "task:task:read"));
    assertThat(sheet.json().get("consentNeeded"))
        .extracting(JsonNode::asText)
        .containsExactly("offline_access", "task:task:read");
    assertThat(sheet.json().has("code")).isFalse();

    String code =
        askCode("allow", List.of("offline_access", "task:task:read")).json().get("code").asText();
    String token = exchangeV2(code).json().get("access_token").asText();
    assertThat(http.get(TaskRoutes.PATH, token).status()).isEqualTo(200);

    assertThat(askCode("ask", List.of("task:task:read")).json().has("code")).isTrue();
    assertThat(askCode("ask", List.of()).json().has("code")).as("identity needs no sheet").isTrue();
  }

  @Test
  @DisplayName("mode refuse-scopes: errno 2700002 for new scopes, identity-only logins still work")
  void refuseScopes() {
    sim.control().clientMode(ClientMode.REFUSE_SCOPES);

    assertThat(askCode("ask", List.of("task:task:read")).json().get("errno").asInt())
        .isEqualTo(2700002);
    assertThat(askCode("ask", List.of()).json().has("code")).isTrue();
    assertThat(askCode(null, List.of("task:task:read")).json().has("code"))
        .as("a direct call without the consent field, as before")
        .isTrue();
  }
}
