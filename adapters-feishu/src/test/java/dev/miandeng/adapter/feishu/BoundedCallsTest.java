package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO_OK;
import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.failureJson;
import static dev.miandeng.adapter.feishu.FeishuStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Retries exactly where safe, bounded answers and the per-login deadline, against a WireMock auth
 * center and raw loopback sockets that misbehave; proven by counting calls and connections.
 */
class BoundedCallsTest {

  private static final CodeGrant CODE =
      new CodeGrant.FromClient(new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"));

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  private FeishuIdentityLookup lookup(FeishuSettings settings) {
    return FeishuIdentityLookup.create(settings, Clock.systemUTC(), stub.recordingSleeper);
  }

  static Stream<Integer> transientStatuses() {
    return Stream.of(408, 429, 500, 502, 503, 504);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @MethodSource("transientStatuses")
  @DisplayName(
      "REL-02 user_info answering a transient status once is retried and the login succeeds")
  void userInfoTransientStatusOnceThenSuccess(int status) {
    stub.answerOnceThen(
        USER_INFO,
        WireMock.aResponse().withStatus(status).withBody("<html>gateway</html>"),
        json(200, USER_INFO_OK));

    VerifiedIdentity verified = lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE);

    assertThat(verified.identity().openId()).startsWith("ou_");
    assertThat(stub.calls(USER_INFO)).isEqualTo(2);
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
    assertThat(stub.waits).hasSize(1);
  }

  @Test
  @DisplayName("REL-02 the code exchange answering 502 is sent once: a code is never replayed")
  void exchange502IsNotRetried() {
    stub.answer(V2_TOKEN, WireMock.aResponse().withStatus(502).withBody("bad gateway"));

    catchThrowableOfType(
        AuthCenterUnavailableException.class,
        () -> lookup(stub.settings(ExchangeFlavour.V2)).identify(CODE));

    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
    assertThat(stub.waits).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1} connection(s)")
  @CsvSource({"OIDC, 3", "V2, 1"})
  @DisplayName(
      "REL-02 a connection dropped before the answer: the app token is tried 3 times (OIDC),"
          + " the code exchange once (V2)")
  void droppedConnectionIsRetriedOnlyWhereSafe(ExchangeFlavour flavour, int connections)
      throws Exception {
    try (RawServer server = new RawServer(RawServer.Behaviour.HANG_UP)) {
      FeishuSettings settings =
          stub.settings(flavour).withHosts(server.baseUrl(), server.baseUrl());

      catchThrowableOfType(
          AuthCenterUnavailableException.class, () -> lookup(settings).identify(CODE));

      assertThat(server.connections()).isEqualTo(connections);
      assertThat(stub.waits).hasSize(connections - 1);
    }
  }

  @ParameterizedTest(name = "{0} on the {1} flow")
  @CsvSource({"SILENT, V2", "HEADERS_THEN_STALL, V2", "HEADERS_THEN_STALL, OIDC"})
  @DisplayName(
      "REL-01 REL-02 a server that never answers, or sends headers and stalls, costs one login a"
          + " timeout (unavailable), not a hung thread; the call is not repeated")
  void stalledAnswerTimesOut(RawServer.Behaviour behaviour, ExchangeFlavour flavour)
      throws Exception {
    try (RawServer server = new RawServer(behaviour)) {
      FeishuSettings settings =
          stub.settings(flavour)
              .withHosts(server.baseUrl(), server.baseUrl())
              // The budget covers connect too: 1 s leaves a loaded machine time to connect.
              .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));

      AuthCenterUnavailableException thrown =
          catchThrowableOfType(
              AuthCenterUnavailableException.class, () -> lookup(settings).identify(CODE));

      assertThat(thrown.getCause()).isInstanceOf(HttpTimeoutException.class);
      // A timeout is not retried, on the exchange (V2) nor on the app token (OIDC).
      assertThat(server.connections()).isEqualTo(1);
      assertThat(stub.waits).isEmpty();
    }
  }

  @Test
  @DisplayName("REL-01 an endless body is cut at 64 KB and costs one login an unavailable")
  void endlessBodyIsCut() throws Exception {
    try (RawServer server = new RawServer(RawServer.Behaviour.ENDLESS_BODY)) {
      FeishuSettings settings =
          stub.settings(ExchangeFlavour.V2).withHosts(server.baseUrl(), server.baseUrl());

      AuthCenterUnavailableException thrown =
          catchThrowableOfType(
              AuthCenterUnavailableException.class, () -> lookup(settings).identify(CODE));

      assertThat(thrown.getCause()).isInstanceOf(BoundedClient.ReplyTooLargeException.class);
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "REL-02 a rate-limit wait that does not fit in the login's deadline is not waited:"
          + " unavailable with Feishu's retry-after")
  void rateLimitWaitBeyondTheDeadlineFailsAtOnce() {
    stub.answer(
        USER_INFO,
        json(429, failureJson(99991400, "request trigger frequency limit"))
            .withHeader("x-ogw-ratelimit-reset", "20"));
    // 20 s is within the cap on rate-limit waits (30 s) but not within the login's 10 s.
    FeishuSettings settings =
        stub.settings(ExchangeFlavour.V2)
            .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(30))
            .withLoginDeadline(Duration.ofSeconds(10));

    AuthCenterUnavailableException thrown =
        catchThrowableOfType(
            AuthCenterUnavailableException.class, () -> lookup(settings).identify(CODE));

    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(stub.calls(USER_INFO)).isEqualTo(1);
    assertThat(stub.waits).isEmpty();
  }
}
