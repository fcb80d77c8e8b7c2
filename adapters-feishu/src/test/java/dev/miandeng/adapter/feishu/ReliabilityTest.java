package dev.miandeng.adapter.feishu;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static dev.miandeng.adapter.feishu.FeishuStub.APP_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.OIDC_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.OIDC_TOKEN_OK;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO_OK;
import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.appTokenJson;
import static dev.miandeng.adapter.feishu.FeishuStub.failureJson;
import static dev.miandeng.adapter.feishu.FeishuStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.miandeng.domain.fixtures.Concurrently;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Timeouts, retries and the shared app token, each proven by counting upstream calls. */
class ReliabilityTest {

  private static final CodeGrant CODE =
      new CodeGrant.FromClient(new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"));

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  private FeishuIdentityLookup lookup(FeishuSettings settings) {
    return FeishuIdentityLookup.create(settings, Clock.systemUTC(), stub.recordingSleeper);
  }

  @Test
  @DisplayName(
      "REL-01 REL-02 a user_info that never answers fails as unavailable (read timeouts are not retried)")
  void silentUserInfoTimesOut() {
    stub.answer(USER_INFO, json(200, USER_INFO_OK).withFixedDelay(6_000));
    FeishuSettings settings =
        stub.settings(ExchangeFlavour.V2)
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    assertThatThrownBy(() -> lookup(settings).identify(CODE))
        .isInstanceOf(AuthCenterUnavailableException.class);
    // Every retry is preceded by a recorded wait: none means user_info was sent once.
    assertThat(stub.waits).isEmpty();
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  @Test
  @DisplayName("REL-01 REL-02 a refused connection is unavailable; the exchange is not retried")
  void refusedConnectionOnTheExchange() throws IOException {
    FeishuSettings settings =
        stub.settings(ExchangeFlavour.V2).withHosts(closedPort(), closedPort());

    AuthCenterUnavailableException thrown =
        catchThrowableOfType(
            AuthCenterUnavailableException.class, () -> lookup(settings).identify(CODE));

    assertThat(thrown.getCause()).isInstanceOf(ConnectException.class);
    assertThat(stub.waits).isEmpty();
  }

  @Test
  @DisplayName("REL-02 a refused connection on the app token is retried: 3 tries, 2 backoff waits")
  void refusedConnectionOnTheAppTokenIsRetried() throws IOException {
    FeishuSettings settings =
        stub.settings(ExchangeFlavour.OIDC).withHosts(closedPort(), closedPort());

    assertThatThrownBy(() -> lookup(settings).identify(CODE))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(stub.waits).hasSize(2);
  }

  @Test
  @DisplayName("REL-02 user_info is retried on 503 and succeeds on the third try")
  void userInfoRetriedOn503() {
    stub.answerOnceThen(
        USER_INFO,
        json(503, failureJson(20072, "unavailable")),
        json(503, failureJson(20072, "x")));
    // After two 503 answers the third one succeeds.
    stub.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(USER_INFO))
            .inScenario("sequence " + USER_INFO)
            .whenScenarioStateIs("later")
            .willReturn(json(503, failureJson(20072, "unavailable")))
            .willSetStateTo("recovered"));
    stub.server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(USER_INFO))
            .inScenario("sequence " + USER_INFO)
            .whenScenarioStateIs("recovered")
            .willReturn(json(200, USER_INFO_OK)));

    VerifiedIdentity verified = lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE);

    assertThat(verified.identity().openId()).startsWith("ou_");
    assertThat(stub.calls(USER_INFO)).isEqualTo(3);
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
    assertThat(stub.waits).hasSize(2);
  }

  @Test
  @DisplayName(
      "REL-02 user_info answering 503 forever is tried exactly 3 times, with growing jittered backoff")
  void userInfoGivesUpAfterThreeTries() {
    stub.answer(USER_INFO, 503, failureJson(20072, "temporarily unavailable"));
    FeishuSettings settings =
        stub.settings(ExchangeFlavour.V2)
            .withRetries(3, Duration.ofMillis(100), Duration.ofMillis(150), Duration.ofSeconds(10));

    assertThatThrownBy(() -> lookup(settings).identify(CODE))
        .isInstanceOf(AuthCenterUnavailableException.class);

    assertThat(stub.calls(USER_INFO)).isEqualTo(3);
    assertThat(stub.waits).hasSize(2);
    assertThat(stub.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(stub.waits.get(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(150));
  }

  @Test
  @DisplayName("REL-02 the code exchange answering 503 is sent exactly once")
  void exchangeNeverRetriedOn503() {
    stub.answer(V2_TOKEN, 503, FeishuStub.oauthFailureJson(20072, "temporarily_unavailable", "x"));

    assertThatThrownBy(() -> lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
    assertThat(stub.waits).isEmpty();
  }

  @Test
  @DisplayName("REL-02 a rate-limited user_info waits exactly x-ogw-ratelimit-reset, then retries")
  void rateLimitHeaderHonoured() {
    stub.answerOnceThen(
        USER_INFO,
        json(429, failureJson(99991400, "request trigger frequency limit"))
            .withHeader("x-ogw-ratelimit-reset", "2"),
        json(200, USER_INFO_OK));

    lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE);

    assertThat(stub.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(stub.calls(USER_INFO)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "REL-02 a rate-limit wait beyond the cap is not waited: unavailable with that retry-after")
  void rateLimitBeyondCapFailsWithRetryAfter() {
    stub.answer(
        USER_INFO,
        json(429, failureJson(99991400, "request trigger frequency limit"))
            .withHeader("x-ogw-ratelimit-reset", "60"));

    AuthCenterUnavailableException thrown =
        catchThrowableOfType(
            AuthCenterUnavailableException.class,
            () -> lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE));

    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(60));
    assertThat(stub.calls(USER_INFO)).isEqualTo(1);
    assertThat(stub.waits).isEmpty();
  }

  @Test
  @DisplayName("REL-04 50 concurrent logins on a cold cache fetch the app token once")
  void fiftyConcurrentLoginsFetchTheAppTokenOnce() throws Exception {
    stub.answer(APP_TOKEN, json(200, appTokenJson("t-app-1", 7200)).withFixedDelay(300));
    FeishuIdentityLookup lookup = lookup(stub.settings(ExchangeFlavour.OIDC));

    List<VerifiedIdentity> results = Concurrently.run(50, () -> lookup.identify(CODE));

    assertThat(results).hasSize(50).doesNotContainNull();
    assertThat(stub.calls(APP_TOKEN)).isEqualTo(1);
    assertThat(stub.calls(OIDC_TOKEN)).isEqualTo(50);
    stub.server.verify(
        exactly(50),
        FeishuStub.pattern(OIDC_TOKEN).withHeader("Authorization", equalTo("Bearer t-app-1")));
  }

  @Test
  @DisplayName(
      "REL-07 a 99991663 evicts the app token, fetches a new one and repeats the call once")
  void staleAppTokenIsReplacedAndTheCallRepeated() {
    stub.answerOnceThen(
        APP_TOKEN,
        json(200, appTokenJson("t-app-1", 7200)),
        json(200, appTokenJson("t-app-2", 7200)));
    stub.answerOnceThen(
        OIDC_TOKEN,
        json(400, failureJson(99991663, "Invalid access token for authorization.")),
        json(200, OIDC_TOKEN_OK));

    VerifiedIdentity verified = lookup(stub.settings(ExchangeFlavour.OIDC)).identify(CODE);

    assertThat(verified.identity().tenantKey()).isEqualTo("736588c92lxf175d");
    assertThat(stub.calls(APP_TOKEN)).isEqualTo(2);
    assertThat(stub.calls(OIDC_TOKEN)).isEqualTo(2);
    stub.server.verify(
        exactly(1),
        FeishuStub.pattern(OIDC_TOKEN).withHeader("Authorization", equalTo("Bearer t-app-2")));
  }

  @Test
  @DisplayName("REL-07 a cached app token serves later logins without another fetch")
  void appTokenIsCachedAcrossLogins() {
    FeishuIdentityLookup lookup = lookup(stub.settings(ExchangeFlavour.OIDC));

    lookup.identify(CODE);
    lookup.identify(CODE);
    lookup.identify(CODE);

    assertThat(stub.calls(APP_TOKEN)).isEqualTo(1);
    assertThat(stub.calls(OIDC_TOKEN)).isEqualTo(3);
  }

  /** A port nothing listens on: bound once to learn a free number, then closed. */
  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
