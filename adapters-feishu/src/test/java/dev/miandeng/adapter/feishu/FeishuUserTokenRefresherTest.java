package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.json;
import static dev.miandeng.adapter.feishu.FeishuStub.oauthFailureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.miandeng.domain.fixtures.Grants;
import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.token.RefreshTokenRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The v2 refresh grant against a loopback stub answering the documented JSON. */
class FeishuUserTokenRefresherTest {

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  private final MutableClock clock = new MutableClock();
  private final FeishuUserTokenRefresher refresher =
      FeishuUserTokenRefresher.create(stub.settings(ExchangeFlavour.V2), clock);
  private final UserGrant current = Grants.issued("old", clock.instant());

  @Test
  void aRefreshSendsTheDocumentedBodyAndReturnsTheRotatedGrant() throws Exception {
    Instant now = clock.instant();

    UserGrant next = refresher.refresh(current);

    assertThat(next)
        .isEqualTo(
            new UserGrant(
                "eyJhbGciOiJFUzI1NiJ9.user",
                now.plusSeconds(7200),
                "eyJhbGciOiJFUzI1NiJ9.refresh",
                now.plusSeconds(604_800),
                Set.of("auth:user.id:read", "offline_access")));
    JsonNode body =
        FeishuReplies.MAPPER.readTree(
            stub.server.findAll(FeishuStub.pattern(V2_TOKEN)).getFirst().getBodyAsString());
    assertThat(body.get("grant_type").asText()).isEqualTo("refresh_token");
    assertThat(body.get("refresh_token").asText()).isEqualTo("ur-old");
    assertThat(body.get("client_id").asText()).isEqualTo("cli_a1b2c3d4e5f6");
    assertThat(body.get("client_secret").asText()).isEqualTo("test-secret-not-real");
    assertThat(body.has("code")).isFalse();
  }

  @Test
  void aReplyWithoutScopeKeepsThePreviousScopes() {
    stub.answer(
        V2_TOKEN,
        200,
        "{\"code\":0,\"access_token\":\"u-2\",\"expires_in\":7200,\"refresh_token\":\"ur-2\","
            + "\"refresh_token_expires_in\":604800,\"token_type\":\"Bearer\"}");

    assertThat(refresher.refresh(current).scopes()).isEqualTo(current.scopes());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "20026, invalid_grant",
    "20037, invalid_grant",
    "20064, invalid_grant",
    "20073, invalid_grant",
    "20010, invalid_grant"
  })
  @DisplayName("REL-02 a refused refresh token (or user) ends the grant, after one call")
  void refusedRefreshTokensEndTheGrant(int code, String error) {
    stub.answer(V2_TOKEN, 400, oauthFailureJson(code, error, "refused"));

    assertThatThrownBy(() -> refresher.refresh(current))
        .isInstanceOf(RefreshTokenRejectedException.class)
        .hasMessageNotContaining("ur-old");
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  @Test
  void aReplyWithoutARefreshTokenEndsTheGrant() {
    stub.answer(
        V2_TOKEN,
        200,
        "{\"code\":0,\"access_token\":\"u-2\",\"expires_in\":7200,\"token_type\":\"Bearer\"}");

    assertThatThrownBy(() -> refresher.refresh(current))
        .isInstanceOf(RefreshTokenRejectedException.class)
        .hasMessageContaining("offline_access");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 503})
  @DisplayName("REL-02 a 5xx is an outage, and the refresh is never repeated")
  void serverErrorsAreOutagesAndNotRetried(int status) {
    stub.answer(
        V2_TOKEN,
        json(status, oauthFailureJson(status == 500 ? 20050 : 20072, "server_error", "later")));

    assertThatThrownBy(() -> refresher.refresh(current))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  @Test
  @DisplayName("REL-02 a connection dropped mid-request is an outage, and not retried")
  void aDroppedConnectionIsAnOutage() throws Exception {
    try (RawServer server = new RawServer(RawServer.Behaviour.HANG_UP)) {
      FeishuUserTokenRefresher cutOff =
          FeishuUserTokenRefresher.create(
              stub.settings(ExchangeFlavour.V2)
                  .withHosts(server.baseUrl(), server.baseUrl())
                  .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
              clock);

      assertThatThrownBy(() -> cutOff.refresh(current))
          .isInstanceOf(AuthCenterUnavailableException.class);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void wrongCredentialsAreAMisconfiguration() {
    stub.answer(V2_TOKEN, 400, oauthFailureJson(20002, "invalid_client", "bad secret"));

    assertThatThrownBy(() -> refresher.refresh(current))
        .isInstanceOf(AuthCenterMisconfiguredException.class);
  }
}
