package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OAuthV2TokenTest extends SimulatorTestBase {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  private static final String REDIRECT = "https://app.example/callback";

  private SimHttp.Answer refreshV2(String refreshToken) {
    return http.post(
        OAuthTokenRoutes.PATH,
        Map.of(
            "grant_type",
            "refresh_token",
            "client_id",
            sim.appId(),
            "client_secret",
            SECRET,
            "refresh_token",
            refreshToken));
  }

  private static void assertOAuthError(SimHttp.Answer answer, int code, String error) {
    assertThat(answer.status()).isEqualTo(400);
    JsonNode json = answer.json();
    assertThat(json.get("code").asInt()).isEqualTo(code);
    assertThat(json.get("error").asText()).isEqualTo(error);
    assertThat(json.get("error_description").asText()).isNotBlank();
  }

  @Test
  @DisplayName(
      "success is flat: access_token (1-2 KB), expires_in, refresh_token, scope, token_type")
  void successShape() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    SimHttp.Answer answer = exchangeV2(code);

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("code").asInt()).isZero();
    assertThat(json.has("data")).isFalse();
    assertThat(json.get("access_token").asText()).startsWith("eyJ").hasSizeBetween(1000, 2048);
    assertThat(json.get("expires_in").asLong()).isEqualTo(7200);
    assertThat(json.get("refresh_token").asText()).startsWith("eyJ");
    assertThat(json.get("refresh_token_expires_in").asLong()).isEqualTo(604800);
    assertThat(json.get("scope").asText()).contains("auth:user.id:read", "offline_access");
    assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
  }

  @Test
  @DisplayName("no refresh_token when offline_access was not granted (brief §3.2)")
  void noRefreshWithoutOfflineAccess() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS, null, null, "");

    JsonNode json = exchangeV2(code).json();

    assertThat(json.get("code").asInt()).isZero();
    assertThat(json.has("refresh_token")).isFalse();
    assertThat(json.get("scope").asText()).isEqualTo("auth:user.id:read");
  }

  @Test
  @DisplayName("unknown code: 20003 invalid_grant")
  void unknownCode() {
    assertOAuthError(exchangeV2("no-such-code"), 20003, "invalid_grant");
  }

  @Test
  @DisplayName("used code: 20065; expired code: 20004")
  void usedAndExpired() {
    String used = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_AUTH_CODE);
    exchangeV2(used);
    assertOAuthError(exchangeV2(used), 20065, "invalid_grant");

    String old = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);
    clock.advance(Duration.ofMinutes(4));
    assertOAuthError(exchangeV2(old), 20004, "invalid_grant");
  }

  @Test
  @DisplayName("bad client_secret: 20002; unknown client_id: 20048; the code survives both")
  void badClient() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS);

    assertOAuthError(exchangeV2(code, Map.of("client_secret", "wrong")), 20002, "invalid_client");
    assertOAuthError(exchangeV2(code, Map.of("client_id", "cli_other")), 20048, "invalid_client");
    assertThat(exchangeV2(code).json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "SEC-19 basis: a browser code needs the same redirect_uri at the token call, else 20071")
  void redirectUriMismatch() {
    String code = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, null, REDIRECT);
    assertOAuthError(
        exchangeV2(code, Map.of("redirect_uri", REDIRECT + "/other")), 20071, "invalid_grant");

    String missing = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, null, REDIRECT);
    assertOAuthError(exchangeV2(missing), 20071, "invalid_grant");

    String good = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, null, REDIRECT);
    assertThat(exchangeV2(good, Map.of("redirect_uri", REDIRECT)).json().get("code").asInt())
        .isZero();
  }

  @Test
  @DisplayName(
      "SEC-18 basis: PKCE S256 verifier must match the challenge, else HTTP 400 20049 invalid_grant")
  void pkce() {
    String challenge = Pkce.s256(VERIFIER);
    assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"); // RFC 7636 B

    String wrong = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, challenge, REDIRECT);
    assertOAuthError(
        exchangeV2(wrong, Map.of("redirect_uri", REDIRECT, "code_verifier", VERIFIER + "x")),
        20049,
        "invalid_grant");

    String none = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, challenge, REDIRECT);
    assertOAuthError(exchangeV2(none, Map.of("redirect_uri", REDIRECT)), 20049, "invalid_grant");
    // The code was consumed by the failed attempt: the right verifier comes too late.
    assertOAuthError(
        exchangeV2(none, Map.of("redirect_uri", REDIRECT, "code_verifier", VERIFIER)),
        20065,
        "invalid_grant");

    String good = sim.control().issueCode(ZHANG_SAN, CodeKind.BROWSER, challenge, REDIRECT);
    SimHttp.Answer ok =
        exchangeV2(good, Map.of("redirect_uri", REDIRECT, "code_verifier", VERIFIER));
    assertThat(ok.json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName("a disabled roster user gets 20010 at the code exchange")
  void disabledUser() {
    String code = sim.control().issueCode(DISABLED, CodeKind.REQUEST_ACCESS);
    assertOAuthError(exchangeV2(code), 20010, "access_denied");
  }

  @Test
  @DisplayName(
      "unsupported grant_type: 20036; missing grant_type: 20001; malformed JSON: 400 invalid_request")
  void badRequests() {
    assertOAuthError(
        exchangeV2("x", Map.of("grant_type", "password")), 20036, "unsupported_grant_type");
    assertOAuthError(
        http.post(OAuthTokenRoutes.PATH, Map.of("client_id", sim.appId())),
        20001,
        "invalid_request");
    assertOAuthError(http.post(OAuthTokenRoutes.PATH, "[1,2"), 20001, "invalid_request");
  }

  @Test
  @DisplayName(
      "refresh rotates: new pair, the old refresh token dies (20073), old access token keeps 1 min")
  void refreshRotation() {
    JsonNode first = exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS)).json();
    String oldRefresh = first.get("refresh_token").asText();
    String oldAccess = first.get("access_token").asText();

    SimHttp.Answer refreshed = refreshV2(oldRefresh);

    assertThat(refreshed.status()).isEqualTo(200);
    JsonNode json = refreshed.json();
    assertThat(json.get("code").asInt()).isZero();
    assertThat(json.get("access_token").asText()).isNotEqualTo(oldAccess);
    assertThat(json.get("refresh_token").asText()).isNotEqualTo(oldRefresh);
    assertOAuthError(refreshV2(oldRefresh), 20073, "invalid_grant");
    assertThat(http.get(UserInfoRoutes.PATH, oldAccess).json().get("code").asInt()).isZero();
    clock.advance(Duration.ofSeconds(61));
    assertThat(http.get(UserInfoRoutes.PATH, oldAccess).json().get("code").asInt())
        .isEqualTo(99991677);
    assertThat(refreshV2(json.get("refresh_token").asText()).json().get("code").asInt()).isZero();
  }

  @Test
  @DisplayName("refresh errors: unknown 20026, expired 20037, revoked by expire-tokens 20064")
  void refreshErrors() {
    assertOAuthError(refreshV2("nope"), 20026, "invalid_grant");

    String revoked =
        exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS))
            .json()
            .get("refresh_token")
            .asText();
    sim.control().expireTokens();
    assertOAuthError(refreshV2(revoked), 20064, "invalid_grant");

    String expiring =
        exchangeV2(sim.control().issueCode(ZHANG_SAN, CodeKind.REQUEST_ACCESS))
            .json()
            .get("refresh_token")
            .asText();
    clock.advance(Duration.ofDays(7));
    assertOAuthError(refreshV2(expiring), 20037, "invalid_grant");
  }
}
