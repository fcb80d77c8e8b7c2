package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserInfoAndTicketTest extends SimulatorTestBase {

  private String userToken(String openId) {
    return exchangeV2(sim.control().issueCode(openId, CodeKind.REQUEST_ACCESS))
        .json()
        .get("access_token")
        .asText();
  }

  @Test
  @DisplayName(
      "user_info: data with name, en_name, avatars, open_id, union_id, tenant_key, email, user_id")
  void shape() {
    SimHttp.Answer answer = http.get(UserInfoRoutes.PATH, userToken(ZHANG_SAN));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("code").asInt()).isZero();
    assertThat(answer.json().get("msg").asText()).isEqualTo("success");
    JsonNode data = answer.json().get("data");
    assertThat(data.get("name").asText()).isEqualTo("张三");
    assertThat(data.get("en_name").asText()).isEqualTo("Zhang San");
    String avatar = sim.baseUrl() + "/avatars/" + ZHANG_SAN + ".svg";
    for (String field :
        new String[] {"avatar_url", "avatar_thumb", "avatar_middle", "avatar_big"}) {
      assertThat(data.get(field).asText()).isEqualTo(avatar);
    }
    assertThat(data.get("open_id").asText()).isEqualTo(ZHANG_SAN);
    assertThat(data.get("union_id").asText()).isEqualTo("on_sim_zhangsan");
    assertThat(data.get("tenant_key").asText()).isEqualTo("tenant-simulator");
    assertThat(data.get("email").asText()).isEqualTo("zhangsan@example.com");
    assertThat(data.get("user_id").asText()).isEqualTo("zhangsan");
    assertThat(sim.roster().getFirst().avatarUrl()).isEqualTo(avatar);
  }

  @Test
  @DisplayName("user_info: the avatar URL serves an SVG")
  void avatarServed() {
    SimHttp.Answer avatar = http.get("/avatars/" + ZHANG_SAN + ".svg");
    assertThat(avatar.status()).isEqualTo(200);
    assertThat(avatar.header("Content-Type")).startsWith("image/svg+xml");
    assertThat(avatar.body()).startsWith("<svg").contains("张");
    assertThat(http.get("/avatars/ou_nobody.svg").status()).isEqualTo(404);
    assertThat(http.get("/avatars/ou_sim_eve.svg").body()).contains("&lt;").doesNotContain("<img");
  }

  @Test
  @DisplayName(
      "user_info: bad user token 99991668, expired one 99991677, expire-tokens -> 99991668")
  void badUserToken() {
    assertThat(http.get(UserInfoRoutes.PATH, "u-nope").json().get("code").asInt())
        .isEqualTo(99991668);
    assertThat(http.get(UserInfoRoutes.PATH).json().get("code").asInt()).isEqualTo(99991668);

    String token = userToken(ZHANG_SAN);
    clock.advance(Duration.ofHours(2));
    SimHttp.Answer expired = http.get(UserInfoRoutes.PATH, token);
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.json().get("code").asInt()).isEqualTo(99991677);

    String revoked = userToken(ZHANG_SAN);
    sim.control().expireTokens();
    assertThat(http.get(UserInfoRoutes.PATH, revoked).json().get("code").asInt())
        .isEqualTo(99991668);
  }

  @Test
  @DisplayName(
      "jssdk ticket: Bearer tenant token -> data{expire_in, ticket}, 30-minute rule; bad token 99991663")
  void jssdkTicket() {
    String tenant = tenantToken();
    SimHttp.Answer answer = http.post(JssdkTicketRoutes.PATH, "{}", tenant);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("code").asInt()).isZero();
    assertThat(json.at("/data/expire_in").asLong()).isEqualTo(7200);
    String ticket = json.at("/data/ticket").asText();
    assertThat(ticket).isNotBlank();
    clock.advance(Duration.ofMinutes(30));
    assertThat(http.post(JssdkTicketRoutes.PATH, "{}", tenant).json().at("/data/ticket").asText())
        .isEqualTo(ticket);

    SimHttp.Answer bad = http.post(JssdkTicketRoutes.PATH, "{}", appToken());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("code").asInt()).isEqualTo(99991663);
  }
}
