package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.APP_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.failureJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.miandeng.adapter.feishu.AppCredentialsCheck.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The setup doctor's credential check against a stub answering Feishu's exact JSON. */
class AppCredentialsCheckTest {

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  private FeishuSettings settings(String appId) {
    return FeishuSettings.of(appId, "test-secret-not-real", FeishuStub.REDIRECT_URI)
        .withHosts(stub.baseUrl(), stub.baseUrl())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
  }

  @Test
  void aTokenMeansTheCredentialsAndHostsBelongTogether() {
    assertThat(AppCredentialsCheck.run(settings("cli_a1b2c3d4e5f6")))
        .isEqualTo(new Outcome.Accepted(7200));
    assertThat(stub.calls(APP_TOKEN)).isEqualTo(1);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            200,
            failureJson(10014, "app id not exists"),
            Set.of(FeishuSetting.APP_ID, FeishuSetting.BRAND_AND_HOSTS)),
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            200,
            failureJson(10014, "app secret invalid"),
            Set.of(FeishuSetting.APP_SECRET)),
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            200,
            failureJson(10003, "invalid param"),
            Set.of(FeishuSetting.APP_SECRET)),
        Arguments.of(
            "my-app", 200, failureJson(10003, "invalid param"), Set.of(FeishuSetting.APP_ID)),
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            200,
            failureJson(10015, "wrong app secret"),
            Set.of(FeishuSetting.APP_SECRET)),
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            400,
            failureJson(99991543, "app_id or app_secret is invalid"),
            Set.of(FeishuSetting.APP_ID, FeishuSetting.APP_SECRET)),
        Arguments.of(
            "cli_a1b2c3d4e5f6",
            400,
            failureJson(20046, "brand inconsistency"),
            Set.of(FeishuSetting.BRAND_AND_HOSTS)),
        Arguments.of("cli_a1b2c3d4e5f6", 500, failureJson(20050, "server error"), Set.of()));
  }

  @ParameterizedTest(name = "{0}: HTTP {1} {2} → {3}")
  @MethodSource("refusals")
  @DisplayName("each refusal points at the setting Feishu's code names, whatever the HTTP status")
  void refusalsNameTheSetting(String appId, int status, String body, Set<FeishuSetting> suspects) {
    stub.answer(APP_TOKEN, status, body);

    Outcome outcome = AppCredentialsCheck.run(settings(appId));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused -> {
              assertThat(refused.suspects()).isEqualTo(suspects);
              assertThat(refused.message()).doesNotContain("test-secret-not-real");
            });
    assertThat(stub.calls(APP_TOKEN)).as("one try: the doctor reports, it does not retry").isOne();
  }

  @Test
  @DisplayName("a 404 without a Feishu body means the OpenAPI host is not an auth center")
  void notAnAuthCenter() {
    stub.answer(APP_TOKEN, WireMock.aResponse().withStatus(404).withBody("<html>Not Found</html>"));

    assertThat(AppCredentialsCheck.run(settings("cli_a1b2c3d4e5f6")))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused ->
                assertThat(refused.suspects()).containsExactly(FeishuSetting.BRAND_AND_HOSTS));
  }

  @Test
  void anotherServersJsonIsNotAnAuthCenterEither() {
    stub.answer(
        APP_TOKEN,
        WireMock.aResponse()
            .withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"csrf_rejected\",\"message\":\"Cross-site request refused\"}"));

    assertThat(AppCredentialsCheck.run(settings("cli_a1b2c3d4e5f6")))
        .isInstanceOfSatisfying(
            Outcome.Refused.class,
            refused ->
                assertThat(refused.suspects()).containsExactly(FeishuSetting.BRAND_AND_HOSTS));
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    FeishuSettings nowhere = settings("cli_a1b2c3d4e5f6").withHosts(closed, closed);

    assertThat(AppCredentialsCheck.run(nowhere)).isInstanceOf(Outcome.Unreachable.class);
  }
}
