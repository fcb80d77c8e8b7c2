package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POST /oauth/v3/token (brief §3.3a): the v2 body and replies, client authentication by secret or
 * by the configured RFC 7523 client assertion; this simulator issues 8 KB JWT-like tokens.
 */
class OAuthV3TokenTest extends SimulatorTestBase {
  private static final String ASSERTION = "eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjQxMDI0NDQ4MDB9.c2ln";
  private static final int TOKEN_LENGTH = 8 * 1024;

  @Override
  SimulatorSettings settings() {
    return super.settings().withClientAssertion(ASSERTION).withTokenLength(TOKEN_LENGTH);
  }

  private SimHttp.Answer v3(Map<String, String> fields) {
    Map<String, String> body = new HashMap<>(Map.of("client_id", sim.appId()));
    body.putAll(fields);
    return http.post(OAuthTokenRoutes.V3_PATH, body);
  }

  private SimHttp.Answer exchange(String code, Map<String, String> clientAuth) {
    Map<String, String> body = new HashMap<>(clientAuth);
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    return v3(body);
  }

  private static Map<String, String> assertion(String value) {
    return Map.of(
        "client_assertion_type", V3ClientAuthentication.JWT_BEARER, "client_assertion", value);
  }

  private static void assertOAuthError(SimHttp.Answer answer, int code, String error) {
    assertThat(answer.status()).isEqualTo(400);
    JsonNode json = answer.json();
    assertThat(json.get("code").asInt()).isEqualTo(code);
    assertThat(json.get("error").asText()).isEqualTo(error);
    assertThat(json.get("error_description").asText()).isNotBlank();
  }

  @Test
  @DisplayName("the configured client assertion replaces the secret; the reply is flat as v2's")
  void assertionAuthenticates() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    SimHttp.Answer answer = exchange(code, assertion(ASSERTION));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.has("data")).isFalse();
    assertThat(json.get("access_token").asText()).startsWith("eyJ").hasSize(TOKEN_LENGTH);
    assertThat(json.get("refresh_token").asText()).startsWith("eyJ").hasSize(TOKEN_LENGTH);
    assertThat(json.get("scope").asText()).contains("offline_access");
    assertThat(sim.control().count(SimulatedEndpoint.OAUTH_V3_TOKEN)).isEqualTo(1);
  }

  @Test
  @DisplayName("the secret authenticates too")
  void secretAuthenticates() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    assertThat(exchange(code, Map.of("client_secret", SECRET)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "a wrong assertion is invalid_client (20002), both methods at once 20070, another"
          + " assertion type 20001; the code survives all three")
  void wrongClientAuthentication() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    assertOAuthError(exchange(code, assertion(ASSERTION + "x")), 20002, "invalid_client");
    Map<String, String> both = new HashMap<>(assertion(ASSERTION));
    both.put("client_secret", SECRET);
    assertOAuthError(exchange(code, both), 20070, "invalid_client");
    assertOAuthError(
        exchange(code, Map.of("client_assertion_type", "urn:other", "client_assertion", ASSERTION)),
        20001,
        "invalid_request");
    assertThat(exchange(code, assertion(ASSERTION)).status()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "refresh rotates as v2's: the old refresh token is spent (20073); an 8 KB Bearer reaches"
          + " user_info")
  void refreshRotates() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);
    String refresh = exchange(code, assertion(ASSERTION)).json().get("refresh_token").asText();
    Map<String, String> body = new HashMap<>(assertion(ASSERTION));
    body.put("grant_type", "refresh_token");
    body.put("refresh_token", refresh);

    SimHttp.Answer rotated = v3(body);
    SimHttp.Answer again = v3(body);

    assertThat(rotated.status()).isEqualTo(200);
    String access = rotated.json().get("access_token").asText();
    assertThat(rotated.json().get("refresh_token").asText()).isNotEqualTo(refresh);
    assertOAuthError(again, 20073, "invalid_grant");
    SimHttp.Answer me = http.get(UserInfoRoutes.PATH, access);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().at("/data/open_id").asText()).isEqualTo(ZHANG_SAN);
  }

  @Test
  @DisplayName("a refresh token is refreshed only by the family that issued it (20026 elsewhere)")
  void familiesDoNotMix() {
    String v2Refresh =
        exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS))
            .json()
            .get("refresh_token")
            .asText();
    String v3Refresh =
        exchange(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS), assertion(ASSERTION))
            .json()
            .get("refresh_token")
            .asText();
    Map<String, String> atV3 = new HashMap<>(assertion(ASSERTION));
    atV3.put("grant_type", "refresh_token");
    atV3.put("refresh_token", v2Refresh);

    assertOAuthError(v3(atV3), 20026, "invalid_grant");
    assertOAuthError(
        http.post(
            OAuthTokenRoutes.PATH,
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                sim.appId(),
                "client_secret",
                SECRET,
                "refresh_token",
                v3Refresh)),
        20026,
        "invalid_grant");
  }
}
