package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OidcV1Test extends SimulatorTestBase {

  private SimHttp.Answer oidcExchange(String code, String appToken) {
    return http.post(
        OidcRoutes.ACCESS_TOKEN_PATH,
        Map.of("grant_type", "authorization_code", "code", code),
        appToken);
  }

  private SimHttp.Answer oidcRefresh(String refreshToken, String appToken) {
    return http.post(
        OidcRoutes.REFRESH_PATH,
        Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
        appToken);
  }

  @Test
  @DisplayName(
      "v1 OIDC: Bearer app_access_token + code gives data{access_token u-, refresh_token ur-, ...}")
  void flow() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    SimHttp.Answer answer = oidcExchange(code, appToken());

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("code").asInt()).isZero();
    assertThat(json.get("msg").asText()).isEqualTo("success");
    JsonNode data = json.get("data");
    assertThat(data.get("access_token").asText()).startsWith("u-");
    assertThat(data.get("refresh_token").asText()).startsWith("ur-");
    assertThat(data.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(data.get("expires_in").asLong()).isEqualTo(7200);
    assertThat(data.get("refresh_expires_in").asLong()).isEqualTo(30L * 24 * 3600);
    assertThat(data.get("scope").asText()).contains("auth:user.id:read");
    assertThat(data.has("open_id")).isFalse();
    String userToken = data.get("access_token").asText();
    assertThat(http.get(UserInfoRoutes.PATH, userToken).json().at("/data/open_id").asText())
        .isEqualTo(ZHANG_SAN);
  }

  @Test
  @DisplayName(
      "REL-07 basis: missing, unknown or expired app token -> 20014 with HTTP 200 (v1 error table)")
  void badAppToken() {
    String token = appToken();
    clock.advance(Duration.ofHours(2));
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    for (String bearer : new String[] {null, "t-unknown", token}) {
      SimHttp.Answer answer = oidcExchange(code, bearer);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().get("code").asInt()).isEqualTo(20014);
      assertThat(answer.json().get("msg").asText())
          .isEqualTo("The app access token passed is invalid. Please check the value");
      assertThat(answer.json().has("data")).isFalse();
    }
    assertThat(oidcExchange(code, appToken()).json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "REL-07 basis: expire-tokens kills the cached app token (20014); an injected 99991663 can come with HTTP 200")
  void expiredByControlAndInjectedWithHttp200() {
    String token = appToken();
    sim.control().expireTokens();
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);
    assertThat(oidcExchange(code, token).json().get("code").asInt()).isEqualTo(20014);

    sim.control().failNext(SimulatedEndpoint.OIDC_ACCESS_TOKEN, 1, 200, 99991663);
    String fresh = appToken();
    SimHttp.Answer injected = oidcExchange(code, fresh);
    assertThat(injected.status()).isEqualTo(200);
    assertThat(injected.json().get("code").asInt()).isEqualTo(99991663);
    assertThat(oidcExchange(code, fresh).json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "v1 code errors, all HTTP 200: unknown 20003, used 20003, wrong grant_type 20036, none 20001")
  void codeErrors() {
    String token = appToken();
    SimHttp.Answer unknown = oidcExchange("nope", token);
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.json().get("code").asInt()).isEqualTo(20003);
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_AUTH_CODE);
    oidcExchange(code, token);
    SimHttp.Answer used = oidcExchange(code, token);
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.json().get("code").asInt()).isEqualTo(20003);
    SimHttp.Answer wrongGrant =
        http.post(
            OidcRoutes.ACCESS_TOKEN_PATH, Map.of("grant_type", "password", "code", "x"), token);
    assertThat(wrongGrant.status()).isEqualTo(200);
    assertThat(wrongGrant.json().get("code").asInt()).isEqualTo(20036);
    SimHttp.Answer noGrant = http.post(OidcRoutes.ACCESS_TOKEN_PATH, Map.of("code", "x"), token);
    assertThat(noGrant.json().get("code").asInt()).isEqualTo(20001);
  }

  @Test
  @DisplayName(
      "v1 refresh rotates: new ur- token, the old one answers 20073; a v2 refresh token is 20026 here")
  void refresh() {
    String token = appToken();
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);
    String oldRefresh = oidcExchange(code, token).json().at("/data/refresh_token").asText();

    SimHttp.Answer refreshed = oidcRefresh(oldRefresh, token);

    assertThat(refreshed.json().get("code").asInt()).isZero();
    String newRefresh = refreshed.json().at("/data/refresh_token").asText();
    assertThat(newRefresh).startsWith("ur-").isNotEqualTo(oldRefresh);
    assertThat(oidcRefresh(oldRefresh, token).json().get("code").asInt()).isEqualTo(20073);
    SimHttp.Answer staleAppToken = oidcRefresh(newRefresh, "t-bad");
    assertThat(staleAppToken.status()).isEqualTo(200);
    assertThat(staleAppToken.json().get("code").asInt()).isEqualTo(20014);

    String v2Refresh =
        exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS))
            .json()
            .get("refresh_token")
            .asText();
    assertThat(oidcRefresh(v2Refresh, token).json().get("code").asInt()).isEqualTo(20026);
  }
}
