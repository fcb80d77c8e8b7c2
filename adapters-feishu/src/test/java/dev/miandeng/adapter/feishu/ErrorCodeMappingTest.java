package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.APP_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.OIDC_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.failureJson;
import static dev.miandeng.adapter.feishu.FeishuStub.oauthFailureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserNotAllowedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per row of the facts page's error table (section 5): the exact JSON Feishu sends, the
 * port exception it becomes, and how many upstream calls it took (a code is never retried).
 */
class ErrorCodeMappingTest {

  private static final CodeGrant CODE =
      new CodeGrant.FromClient(new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"));

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  record Row(Failure failure, Outcome outcome, Map<String, Integer> calls) {
    ExchangeFlavour flavour() {
      return failure.flavour();
    }

    String path() {
      return failure.path();
    }

    int status() {
      return failure.status();
    }

    String body() {
      return failure.body();
    }

    Class<? extends IdentityLookupException> expected() {
      return outcome.type();
    }

    String messagePart() {
      return outcome.messagePart();
    }
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // 99991663/4/5: evicted, refetched, retried once (REL-07); a second rejection fails.
        row("99991663 with HTTP 400", oidc(400, 99991663), unavailable("app token"), 2, 2),
        row("99991663 with HTTP 200", oidc(200, 99991663), unavailable("app token"), 2, 2),
        row("99991664", oidc(400, 99991664), unavailable("app token"), 2, 2),
        row("99991665", oidc(400, 99991665), unavailable("app token"), 2, 2),
        row("99991668 user token invalid", userInfo(400, 99991668), unavailable("user token")),
        row("99991677 user token expired", userInfo(400, 99991677), unavailable("user token")),
        row("99991679 scope not granted", userInfo(400, 99991679), misconfigured("scope")),
        row(
            "99991543 bad app id/secret",
            appToken(400, 99991543),
            misconfigured("FEISHU_APP_SECRET"),
            1,
            0),
        row("20003 code not found", v2(400, 20003, "invalid_grant"), refused("fresh code")),
        row("20065 code already used", v2(400, 20065, "invalid_grant"), refused("fresh code")),
        row("20004 code expired", v2(400, 20004, "invalid_grant"), refused("fresh code")),
        row(
            "20002 bad client secret",
            v2(400, 20002, "invalid_client"),
            misconfigured("FEISHU_APP_SECRET")),
        row(
            "20024 code of another app",
            v2(400, 20024, "invalid_grant"),
            misconfigured("FEISHU_APP_ID")),
        row(
            "20048 app does not exist",
            v2(400, 20048, "invalid_client"),
            misconfigured("FEISHU_APP_ID")),
        row("20008 user missing", v2(400, 20008, "invalid_grant"), notAllowed()),
        row("20010 user not allowed", v2(400, 20010, "invalid_grant"), notAllowed()),
        row("20066 user status invalid", v2(400, 20066, "invalid_grant"), notAllowed()),
        row("20021 user resigned", v2(400, 20021, "invalid_grant"), notAllowed()),
        row("20022 user frozen", v2(400, 20022, "invalid_grant"), notAllowed()),
        row("20023 user unregistered", v2(400, 20023, "invalid_grant"), notAllowed()),
        row(
            "20026 refresh token invalid",
            v2(400, 20026, "invalid_grant"),
            refused("authorize again")),
        row(
            "20037 refresh token expired",
            v2(400, 20037, "invalid_grant"),
            refused("authorize again")),
        row(
            "20064 refresh token revoked",
            v2(400, 20064, "invalid_grant"),
            refused("authorize again")),
        row(
            "20073 refresh token used",
            v2(400, 20073, "invalid_grant"),
            refused("authorize again")),
        row("20050 with HTTP 500", v2(500, 20050, "server_error"), unavailable("20050")),
        row("20072 with HTTP 503", v2(503, 20072, "temporarily_unavailable"), unavailable("20072")),
        row("20046 brand mismatch", v2(400, 20046, "invalid_client"), misconfigured("larksuite")),
        row(
            "20071 redirect_uri mismatch",
            v2(400, 20071, "invalid_grant"),
            misconfigured("FEISHU_REDIRECT_URI")),
        row(
            "20029 redirect_uri mismatch (v1)",
            v2(400, 20029, "invalid_grant"),
            misconfigured("FEISHU_REDIRECT_URI")),
        row(
            "PKCE refusal: unknown code with invalid_grant",
            v2(400, 20099, "invalid_grant"),
            refused("invalid_grant")),
        row("an unknown code is unavailable", v2(400, 12345, "whatever"), unavailable("12345")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("REL-02 REL-07 a Feishu error code becomes the documented port exception")
  void errorCodeBecomesPortException(String name, Row row) {
    stub.answer(row.path(), row.status(), row.body());
    FeishuIdentityLookup lookup =
        FeishuIdentityLookup.create(
            stub.settings(row.flavour()), Clock.systemUTC(), stub.recordingSleeper);

    IdentityLookupException thrown =
        catchThrowableOfType(IdentityLookupException.class, () -> lookup.identify(CODE));

    assertThat(thrown).isExactlyInstanceOf(row.expected());
    assertThat(thrown.getMessage()).contains(row.messagePart());
    row.calls().forEach((path, count) -> assertThat(stub.calls(path)).as(path).isEqualTo(count));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @MethodSource("rateLimitStatuses")
  @DisplayName(
      "REL-02 99991400 at the code exchange: one call, unavailable with Feishu's retry-after")
  void rateLimitAtTheExchangeCarriesRetryAfter(int status) {
    stub.answer(
        V2_TOKEN,
        FeishuStub.json(status, failureJson(99991400, "request trigger frequency limit"))
            .withHeader("x-ogw-ratelimit-reset", "7"));
    FeishuIdentityLookup lookup =
        FeishuIdentityLookup.create(
            stub.settings(ExchangeFlavour.V2), Clock.systemUTC(), stub.recordingSleeper);

    AuthCenterUnavailableException thrown =
        catchThrowableOfType(AuthCenterUnavailableException.class, () -> lookup.identify(CODE));

    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  static Stream<Integer> rateLimitStatuses() {
    return Stream.of(429, 400);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("a 404 page that is not Feishu JSON points at the OpenAPI base URL")
  void aForeign404IsMisconfiguration() {
    stub.answer(V2_TOKEN, WireMock.aResponse().withStatus(404).withBody("<html>Not Found</html>"));
    FeishuIdentityLookup lookup =
        FeishuIdentityLookup.create(stub.settings(ExchangeFlavour.V2), Clock.systemUTC());

    AuthCenterMisconfiguredException thrown =
        catchThrowableOfType(AuthCenterMisconfiguredException.class, () -> lookup.identify(CODE));

    assertThat(thrown.getMessage()).contains("openApiBaseUrl");
  }

  // --- row builders -------------------------------------------------------------------------

  record Failure(ExchangeFlavour flavour, String path, int status, String body) {}

  record Outcome(Class<? extends IdentityLookupException> type, String messagePart) {}

  private static Failure oidc(int status, int code) {
    return new Failure(
        ExchangeFlavour.OIDC,
        OIDC_TOKEN,
        status,
        failureJson(
            code,
            "Invalid access token for authorization. Please make a request with token attached."));
  }

  private static Failure userInfo(int status, int code) {
    return new Failure(
        ExchangeFlavour.V2, USER_INFO, status, failureJson(code, "user access token invalid"));
  }

  private static Failure appToken(int status, int code) {
    return new Failure(
        ExchangeFlavour.OIDC,
        APP_TOKEN,
        status,
        failureJson(code, "app_id or app_secret is invalid"));
  }

  private static Failure v2(int status, int code, String error) {
    return new Failure(
        ExchangeFlavour.V2, V2_TOKEN, status, oauthFailureJson(code, error, "described by Feishu"));
  }

  private static Outcome unavailable(String part) {
    return new Outcome(AuthCenterUnavailableException.class, part);
  }

  private static Outcome misconfigured(String part) {
    return new Outcome(AuthCenterMisconfiguredException.class, part);
  }

  private static Outcome refused(String part) {
    return new Outcome(CodeRefusedException.class, part);
  }

  private static Outcome notAllowed() {
    return new Outcome(UserNotAllowedException.class, "user");
  }

  /** A failing exchange or user_info: the code exchange is called exactly once. */
  private static Arguments row(String name, Failure failure, Outcome outcome) {
    Map<String, Integer> calls =
        failure.flavour() == ExchangeFlavour.V2
            ? Map.of(V2_TOKEN, 1, USER_INFO, USER_INFO.equals(failure.path()) ? 1 : 0)
            : Map.of(OIDC_TOKEN, 1);
    return Arguments.of(name, new Row(failure, outcome, calls));
  }

  /** An OIDC-flavour failure with the app-token and exchange call counts it must take. */
  private static Arguments row(
      String name, Failure failure, Outcome outcome, int appTokenCalls, int exchangeCalls) {
    return Arguments.of(
        name,
        new Row(
            failure,
            outcome,
            Map.of(APP_TOKEN, appTokenCalls, OIDC_TOKEN, exchangeCalls, USER_INFO, 0)));
  }
}
