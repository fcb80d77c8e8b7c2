package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.APP_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.JSSDK_TICKET;
import static dev.miandeng.adapter.feishu.FeishuStub.OIDC_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.TENANT_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static dev.miandeng.adapter.feishu.FeishuStub.failureJson;
import static dev.miandeng.adapter.feishu.FeishuStub.oauthFailureJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.miandeng.adapter.feishu.FeishuErrorTable.Outcome;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.CodeRefusedException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.identity.UserNotAllowedException;
import dev.miandeng.domain.jsapi.PageUrl;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * {@link FeishuFailures}, one case per row of docs/feishu-errors.md: the stub auth center answers
 * the row's code from the row's first endpoint with the row's first HTTP status, and the login (or
 * the JSSDK signature) must end in the row's outcome. Plus the cases the table cannot hold: unknown
 * codes, foreign bodies, the rate-limit hint.
 */
class FeishuFailuresTest {

  private static final CodeGrant CODE =
      new CodeGrant.FromClient(new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"));

  private static final Map<Outcome, Class<? extends IdentityLookupException>> EXCEPTION =
      Map.of(
          Outcome.CODE_REFUSED, CodeRefusedException.class,
          Outcome.NOT_ALLOWED, UserNotAllowedException.class,
          Outcome.MISCONFIGURED, AuthCenterMisconfiguredException.class,
          // after the one repeat with a fresh token was rejected too
          Outcome.STALE_TOKEN, AuthCenterUnavailableException.class,
          Outcome.TRANSIENT, AuthCenterUnavailableException.class);

  /** The stub path, exchange flavour and app-level token behind each endpoint name of the doc. */
  private record Endpoint(String path, ExchangeFlavour flavour, boolean jssdk, String tokenPath) {}

  private static final Map<String, Endpoint> ENDPOINTS =
      Map.ofEntries(
          Map.entry("app_access_token", new Endpoint(APP_TOKEN, ExchangeFlavour.OIDC, false, "")),
          Map.entry(
              "tenant_access_token", new Endpoint(TENANT_TOKEN, ExchangeFlavour.V2, true, "")),
          Map.entry("v2 token", new Endpoint(V2_TOKEN, ExchangeFlavour.V2, false, "")),
          Map.entry("v2 refresh", new Endpoint(V2_TOKEN, ExchangeFlavour.V2, false, "")),
          Map.entry("oidc token", new Endpoint(OIDC_TOKEN, ExchangeFlavour.OIDC, false, APP_TOKEN)),
          Map.entry(
              "oidc refresh", new Endpoint(OIDC_TOKEN, ExchangeFlavour.OIDC, false, APP_TOKEN)),
          Map.entry("v1 token", new Endpoint(OIDC_TOKEN, ExchangeFlavour.OIDC, false, APP_TOKEN)),
          Map.entry("user_info", new Endpoint(USER_INFO, ExchangeFlavour.V2, false, "")),
          Map.entry(
              "jssdk ticket", new Endpoint(JSSDK_TICKET, ExchangeFlavour.V2, true, TENANT_TOKEN)));

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logged.start();
    failuresLogger().addAppender(logged);
  }

  @AfterEach
  void releaseLogs() {
    failuresLogger().detachAppender(logged);
  }

  static Stream<FeishuErrorsDoc.Row> rows() {
    return FeishuErrorsDoc.rows().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  @DisplayName("REL-02 REL-07 each documented Feishu code ends the login in its documented outcome")
  void documentedCodeEndsInItsOutcome(FeishuErrorsDoc.Row row) {
    Endpoint endpoint = ENDPOINTS.get(row.endpoints().getFirst());
    assertThat(endpoint).as("endpoint name %s", row.endpoints().getFirst()).isNotNull();
    int status = row.statuses().getFirst();
    stub.answer(
        endpoint.path(),
        status,
        V2_TOKEN.equals(endpoint.path())
            ? oauthFailureJson(row.code(), "invalid_request", "described by Feishu")
            : failureJson(row.code(), "described by Feishu"));

    IdentityLookupException thrown =
        catchThrowableOfType(IdentityLookupException.class, () -> attempt(endpoint));

    assertThat(thrown).isExactlyInstanceOf(EXCEPTION.get(row.outcome()));
    if (row.outcome() == Outcome.STALE_TOKEN) {
      // REL-07: evicted, fetched again, the call repeated exactly once.
      assertThat(stub.calls(endpoint.tokenPath())).isEqualTo(2);
      assertThat(stub.calls(endpoint.path())).isEqualTo(2);
    }
    if (row.outcome() == Outcome.MISCONFIGURED) {
      assertThat(thrown.getMessage()).contains("developer console");
      assertThat(errors()).anySatisfy(line -> assertThat(line).contains(thrown.getMessage()));
    }
    if (V2_TOKEN.equals(endpoint.path()) || OIDC_TOKEN.equals(endpoint.path())) {
      // A single-use code is never sent twice, except the REL-07 repeat that Feishu refused
      // before looking at the code.
      assertThat(stub.calls(endpoint.path()))
          .isEqualTo(row.outcome() == Outcome.STALE_TOKEN ? 2 : 1);
    }
  }

  @Test
  @DisplayName(
      "app token answering HTTP 200 code 10014 (app id not exists) is misconfigured, not unavailable,"
          + " with an ERROR naming FEISHU_APP_ID and FEISHU_BRAND")
  void appIdNotExistsWithHttp200IsMisconfigured() {
    stub.answer(APP_TOKEN, 200, failureJson(10014, "app id not exists"));

    AuthCenterMisconfiguredException thrown =
        catchThrowableOfType(
            AuthCenterMisconfiguredException.class,
            () -> lookup(ExchangeFlavour.OIDC).identify(CODE));

    assertThat(thrown.getMessage()).contains("FEISHU_APP_ID", "FEISHU_BRAND", "Credentials");
    assertThat(errors())
        .anySatisfy(
            line -> assertThat(line).contains("FEISHU_APP_ID", "10014", "app id not exists"));
    assertThat(stub.calls(APP_TOKEN)).as("not retried").isEqualTo(1);
    assertThat(stub.waits).isEmpty();
  }

  @Test
  @DisplayName(
      "an unknown code is logged with its number and message and is not taken for unavailable")
  void unknownCodeIsMisconfiguredNotTransient() {
    stub.answer(USER_INFO, 400, failureJson(12345, "something Feishu added"));

    AuthCenterMisconfiguredException thrown =
        catchThrowableOfType(
            AuthCenterMisconfiguredException.class,
            () -> lookup(ExchangeFlavour.V2).identify(CODE));

    assertThat(thrown.getMessage()).contains("12345", "docs/feishu-errors.md");
    assertThat(errors())
        .anySatisfy(line -> assertThat(line).contains("12345", "something Feishu added"));
    assertThat(stub.calls(USER_INFO)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "REL-02 an unknown code with HTTP 503 is unavailable: the status itself is transient")
  void unknownCodeWithTransientStatusIsUnavailable() {
    stub.answer(V2_TOKEN, 503, failureJson(12345, "overloaded"));

    catchThrowableOfType(
        AuthCenterUnavailableException.class, () -> lookup(ExchangeFlavour.V2).identify(CODE));

    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  @Test
  @DisplayName("SEC-18 an unlisted code with invalid_grant (PKCE mismatch) refuses the code")
  void unknownInvalidGrantIsCodeRefused() {
    stub.answer(V2_TOKEN, 400, oauthFailureJson(20099, "invalid_grant", "code_verifier mismatch"));

    catchThrowableOfType(
        CodeRefusedException.class, () -> lookup(ExchangeFlavour.V2).identify(CODE));

    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
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

    AuthCenterUnavailableException thrown =
        catchThrowableOfType(
            AuthCenterUnavailableException.class, () -> lookup(ExchangeFlavour.V2).identify(CODE));

    assertThat(thrown.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(stub.calls(V2_TOKEN)).isEqualTo(1);
  }

  static Stream<Integer> rateLimitStatuses() {
    return Stream.of(429, 400);
  }

  @Test
  @DisplayName("a 404 page that is not Feishu JSON points at the OpenAPI base URL")
  void aForeign404IsMisconfiguration() {
    stub.answer(V2_TOKEN, WireMock.aResponse().withStatus(404).withBody("<html>Not Found</html>"));

    AuthCenterMisconfiguredException thrown =
        catchThrowableOfType(
            AuthCenterMisconfiguredException.class,
            () -> lookup(ExchangeFlavour.V2).identify(CODE));

    assertThat(thrown.getMessage()).contains("FEISHU_OPEN_API_BASE_URL");
  }

  private Object attempt(Endpoint endpoint) {
    FeishuSettings settings = stub.settings(endpoint.flavour());
    if (endpoint.jssdk()) {
      return JssdkSigner.create(settings, Clock.systemUTC(), stub.recordingSleeper)
          .sign(new PageUrl("https://app.example.test/"));
    }
    return FeishuIdentityLookup.create(settings, Clock.systemUTC(), stub.recordingSleeper)
        .identify(CODE);
  }

  private FeishuIdentityLookup lookup(ExchangeFlavour flavour) {
    return FeishuIdentityLookup.create(
        stub.settings(flavour), Clock.systemUTC(), stub.recordingSleeper);
  }

  private java.util.List<String> errors() {
    return logged.list.stream()
        .filter(event -> event.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static Logger failuresLogger() {
    return (Logger) LoggerFactory.getLogger(FeishuFailures.class);
  }
}
