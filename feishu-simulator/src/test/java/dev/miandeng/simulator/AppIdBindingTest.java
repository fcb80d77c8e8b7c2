package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A code is bound to the app id that asked for it: a page that calls requestAccess with another
 * appID gets a code this app's credentials cannot redeem (get-user-access-token: HTTP 400 20024; v1
 * oidc/access_token: HTTP 200 20024), and the refusal does not use the code up.
 */
class AppIdBindingTest extends SimulatorTestBase {

  private String jsapiCodeFor(String appId) {
    SimHttp.Answer answer =
        http.post(
            JsapiRoutes.CODE_PATH,
            Map.of("appId", appId, "kind", "requestAccess", "scopeList", new String[0]));
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("code").asText();
  }

  @Test
  @DisplayName("v2: a code asked for with another appID is 20024 invalid_grant, every time")
  void v2RefusesAnotherAppsCode() {
    String code = jsapiCodeFor("cli_another_app");

    for (int attempt = 0; attempt < 2; attempt++) {
      SimHttp.Answer answer = exchangeV2(code);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().get("code").asInt()).isEqualTo(20024);
      assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    }
    assertThat(exchangeV2(jsapiCodeFor(sim.appId())).json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName("v1: a code asked for with another appID is 20024 with HTTP 200")
  void v1RefusesAnotherAppsCode() {
    SimHttp.Answer answer =
        http.post(
            OidcRoutes.ACCESS_TOKEN_PATH,
            Map.of("grant_type", "authorization_code", "code", jsapiCodeFor("cli_another_app")),
            appToken());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("code").asInt()).isEqualTo(20024);
    assertThat(answer.json().has("data")).isFalse();
  }
}
