package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.oauthFailureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The v3 token endpoint against a loopback stub answering the shapes of facts page section 3.3a:
 * the request body, a success reply with or without {@code "code": 0}, and its errors ({@code
 * code}, {@code error}, {@code error_description}) through the one error table.
 */
class V3TokenEndpointTest {

  static final String V3_TOKEN = "/oauth/v3/token";

  /** RFC 6749 section 5.1 success, flat as v2's, without Feishu's {@code code}. */
  static final String V3_TOKEN_OK =
      "{\"access_token\":\"eyJhbGciOiJFUzI1NiJ9.v3user\",\"token_type\":\"Bearer\","
          + "\"expires_in\":7200,\"refresh_token\":\"eyJhbGciOiJFUzI1NiJ9.v3refresh\","
          + "\"refresh_token_expires_in\":604800,\"scope\":\"auth:user.id:read offline_access\"}";

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();

  private FeishuSettings settings() {
    return stub.settings(ExchangeFlavour.V3);
  }

  private JsonNode lastBody() throws IOException {
    return FeishuReplies.MAPPER.readTree(
        stub.server.findAll(FeishuStub.pattern(V3_TOKEN)).getLast().getBodyAsString());
  }

  private UserGrant v3Grant(String refreshToken) {
    UserGrant grant = Grants.issued("x", clock.instant());
    return new UserGrant(
        grant.accessToken(),
        grant.accessExpiresAt(),
        GrantFamily.V3.stored(refreshToken),
        grant.refreshExpiresAt(),
        grant.scopes());
  }

  @Test
  @DisplayName(
      "SEC-19 the code exchange goes to the accounts host with the v2 body and client_secret;"
          + " a reply without code is a success")
  void exchangeSendsTheV2BodyWithTheSecret() throws IOException {
    stub.answer(V3_TOKEN, 200, V3_TOKEN_OK);
    FeishuIdentityLookup lookup = FeishuIdentityLookup.create(settings(), clock);

    UserGrant grant =
        lookup
            .identify(new CodeGrant.FromClient(new AuthorizationCode("code-1")))
            .grant()
            .orElseThrow();

    JsonNode body = lastBody();
    assertThat(body.get("grant_type").asText()).isEqualTo("authorization_code");
    assertThat(body.get("client_id").asText()).isEqualTo("cli_a1b2c3d4e5f6");
    assertThat(body.get("client_secret").asText()).isEqualTo("test-secret-not-real");
    assertThat(body.get("code").asText()).isEqualTo("code-1");
    assertThat(body.has("client_assertion")).isFalse();
    assertThat(body.has("redirect_uri")).isFalse();
    assertThat(grant.accessToken()).isEqualTo("eyJhbGciOiJFUzI1NiJ9.v3user");
    assertThat(grant.refreshToken()).isEqualTo("v3:eyJhbGciOiJFUzI1NiJ9.v3refresh");
    assertThat(stub.calls(USER_INFO)).isEqualTo(1);
    assertThat(stub.calls(FeishuStub.V2_TOKEN)).isZero();
  }

  @Test
  @DisplayName(
      "SEC-25 with a client assertion file the refresh sends the assertion, never a secret, and"
          + " Feishu's own refresh token")
  void refreshSendsTheAssertion() throws IOException {
    String jwt = UserTokenRefreshFamiliesSimulatorTest.assertion("cli_a1b2c3d4e5f6");
    Path file = Files.writeString(dir.resolve("assertion"), jwt);
    FeishuSettings settings = settings().withClientAssertionFile(file).withAppSecret("");
    stub.answer(V3_TOKEN, 200, "{\"code\":0," + V3_TOKEN_OK.substring(1));
    Instant now = clock.instant();

    UserGrant next =
        FeishuUserTokenRefresher.create(settings, clock).refresh(v3Grant("eyJ.old.refresh"));

    JsonNode body = lastBody();
    assertThat(body.get("grant_type").asText()).isEqualTo("refresh_token");
    assertThat(body.get("refresh_token").asText()).isEqualTo("eyJ.old.refresh");
    assertThat(body.get("client_assertion_type").asText())
        .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    assertThat(body.get("client_assertion").asText()).isEqualTo(jwt);
    assertThat(body.has("client_secret")).isFalse();
    assertThat(next.accessExpiresAt()).isEqualTo(now.plusSeconds(7200));
    assertThat(next.scopes()).isEqualTo(Set.of("auth:user.id:read", "offline_access"));
  }

  @ParameterizedTest(name = "HTTP {0}, {1} {2}")
  @CsvSource({
    "400, 20026, invalid_grant",
    "400, 20037, invalid_grant",
    "400, 20064, invalid_grant",
    "400, 20073, invalid_grant",
    "200, 20073, invalid_grant",
    "400, 20010, access_denied"
  })
  @DisplayName("REL-02 v3's refused refresh tokens end the grant, after one call, whatever status")
  void refusedRefreshTokensEndTheGrant(int status, int code, String error) {
    stub.answer(V3_TOKEN, status, oauthFailureJson(code, error, "refused"));

    assertThatThrownBy(
            () -> FeishuUserTokenRefresher.create(settings(), clock).refresh(v3Grant("eyJ.r")))
        .isInstanceOf(RefreshTokenRejectedException.class)
        .hasMessageNotContaining("eyJ.r");
    assertThat(stub.calls(V3_TOKEN)).isEqualTo(1);
  }

  @ParameterizedTest(name = "HTTP {0}, {1} {2}")
  @CsvSource({
    "500, 20050, server_error, unavailable",
    "503, 20072, temporarily_unavailable, unavailable",
    "200, 20050, server_error, unavailable",
    "400, 20002, invalid_client, misconfigured",
    "400, 20070, invalid_client, misconfigured",
    "400, 20046, invalid_client, misconfigured"
  })
  @DisplayName(
      "REL-02 v3 outages and misconfigurations keep the grant and are never repeated (20046:"
          + " brand mismatch)")
  void outagesAndMisconfigurationsKeepTheGrant(int status, int code, String error, String outcome) {
    stub.answer(V3_TOKEN, status, oauthFailureJson(code, error, "no"));

    assertThatThrownBy(
            () -> FeishuUserTokenRefresher.create(settings(), clock).refresh(v3Grant("eyJ.r")))
        .isInstanceOf(
            outcome.equals("unavailable")
                ? AuthCenterUnavailableException.class
                : AuthCenterMisconfiguredException.class);
    assertThat(stub.calls(V3_TOKEN)).isEqualTo(1);
  }

  @Test
  @DisplayName("a refused code at v3 asks for a fresh code; an error without code is not success")
  void exchangeErrors() {
    FeishuIdentityLookup lookup = FeishuIdentityLookup.create(settings(), clock);
    CodeGrant code = new CodeGrant.FromClient(new AuthorizationCode("code-1"));

    stub.answer(V3_TOKEN, 400, oauthFailureJson(20065, "invalid_grant", "used"));
    assertThatThrownBy(() -> lookup.identify(code)).isInstanceOf(CodeRefusedException.class);

    stub.answer(V3_TOKEN, 200, "{\"error\":\"invalid_grant\",\"error_description\":\"no\"}");
    assertThatThrownBy(() -> lookup.identify(code))
        .isNotInstanceOf(CodeRefusedException.class)
        .isInstanceOf(AuthCenterMisconfiguredException.class);
    assertThat(stub.calls(USER_INFO)).isZero();
  }

  @Test
  @DisplayName("a grant issued by v2 is still refreshed at v2 after FEISHU_EXCHANGE became v3")
  void olderV2GrantsStayV2() {
    UserGrant v2Grant = Grants.issued("old", clock.instant());

    FeishuUserTokenRefresher.create(settings(), clock).refresh(v2Grant);

    assertThat(stub.calls(FeishuStub.V2_TOKEN)).isEqualTo(1);
    assertThat(stub.calls(V3_TOKEN)).isZero();
  }
}
