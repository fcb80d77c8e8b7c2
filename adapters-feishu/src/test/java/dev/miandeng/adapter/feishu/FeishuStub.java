package dev.miandeng.adapter.feishu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock stand-in for the auth center on 127.0.0.1 and a random port, answering the exact JSON
 * of the facts page, plus call counting: the reliability tests prove themselves by counts.
 */
final class FeishuStub implements AutoCloseable, AfterEachCallback {

  static final String APP_TOKEN = "/open-apis/auth/v3/app_access_token/internal";
  static final String TENANT_TOKEN = "/open-apis/auth/v3/tenant_access_token/internal";
  static final String V2_TOKEN = "/open-apis/authen/v2/oauth/token";
  static final String OIDC_TOKEN = "/open-apis/authen/v1/oidc/access_token";
  static final String USER_INFO = "/open-apis/authen/v1/user_info";
  static final String JSSDK_TICKET = "/open-apis/jssdk/ticket/get";

  static final String REDIRECT_URI = "https://app.example.test/auth/callback?from=feishu";

  static String appTokenJson(String token, long expire) {
    return "{\"code\":0,\"msg\":\"ok\",\"app_access_token\":\""
        + token
        + "\",\"expire\":"
        + expire
        + ",\"tenant_access_token\":\"t-tenant-"
        + token
        + "\"}";
  }

  static final String TENANT_TOKEN_OK =
      "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-tenant-1\",\"expire\":7200}";

  static final String V2_TOKEN_OK =
      "{\"code\":0,\"access_token\":\"eyJhbGciOiJFUzI1NiJ9.user\",\"expires_in\":7200,"
          + "\"refresh_token\":\"eyJhbGciOiJFUzI1NiJ9.refresh\",\"refresh_token_expires_in\":604800,"
          + "\"scope\":\"auth:user.id:read offline_access\",\"token_type\":\"Bearer\"}";

  static final String OIDC_TOKEN_OK =
      "{\"code\":0,\"msg\":\"success\",\"data\":{\"access_token\":\"u-oidc-user\","
          + "\"refresh_token\":\"ur-oidc-refresh\",\"token_type\":\"Bearer\",\"expires_in\":6900,"
          + "\"refresh_expires_in\":2592000,\"scope\":\"auth:user.id:read\"}}";

  static final String USER_INFO_OK =
      "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"张三\",\"en_name\":\"Zhang San\","
          + "\"avatar_url\":\"https://s1-imfile.feishucdn.com/avatar/zs.png\","
          + "\"avatar_thumb\":\"https://s1-imfile.feishucdn.com/avatar/zs_72.png\","
          + "\"avatar_middle\":\"https://s1-imfile.feishucdn.com/avatar/zs_240.png\","
          + "\"avatar_big\":\"https://s1-imfile.feishucdn.com/avatar/zs_640.png\","
          + "\"open_id\":\"ou_caecc734c2e3328a62489fe0648c4b98779515d3\","
          + "\"union_id\":\"on_d89jhk4f3aa3b8bd4e5e1b3b7c31a0b8\","
          + "\"tenant_key\":\"736588c92lxf175d\",\"email\":\"zhangsan@example.com\","
          + "\"user_id\":\"5d9bdxxx\",\"mobile\":\"+86130002883xx\",\"employee_no\":\"111222333\"}}";

  static final String TICKET_OK =
      "{\"code\":0,\"msg\":\"ok\",\"data\":{\"expire_in\":7200,"
          + "\"ticket\":\"0560604568baf296731aa37f0c8ebe3e049c19d7\"}}";

  static String failureJson(int code, String msg) {
    return "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}";
  }

  static String oauthFailureJson(int code, String error, String description) {
    return "{\"code\":"
        + code
        + ",\"error\":\""
        + error
        + "\",\"error_description\":\""
        + description
        + "\"}";
  }

  final WireMockServer server;

  /** Every backoff wait the adapter asked for, in order, instead of sleeping through it. */
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  final Sleeper recordingSleeper = waits::add;

  FeishuStub() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  /**
   * A stub where every endpoint answers its documented success; register it as an instance field
   * ({@code @RegisterExtension final FeishuStub stub = FeishuStub.working();}) and it stops after
   * each test.
   */
  static FeishuStub working() {
    FeishuStub stub = new FeishuStub();
    stub.everythingWorks();
    return stub;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * Test settings: timeouts that survive a cold JVM on a machine shared by several builds (a call's
   * budget covers connect, request and the whole answer), 3 tries, tiny backoffs.
   */
  FeishuSettings settings(ExchangeFlavour flavour) {
    return FeishuSettings.of("cli_a1b2c3d4e5f6", "test-secret-not-real", REDIRECT_URI)
        .withHosts(baseUrl(), baseUrl())
        .withExchange(flavour)
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(10))
        .withLoginDeadline(Duration.ofSeconds(60));
  }

  void answer(String path, int status, String json) {
    server.stubFor(route(path).willReturn(json(status, json)));
  }

  void answer(String path, ResponseDefinitionBuilder response) {
    server.stubFor(route(path).willReturn(response));
  }

  /** Answers {@code first}, then {@code then} for every later call. */
  void answerOnceThen(
      String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    String scenario = "sequence " + path;
    server.stubFor(
        route(path)
            .inScenario(scenario)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(first)
            .willSetStateTo("later"));
    server.stubFor(route(path).inScenario(scenario).whenScenarioStateIs("later").willReturn(then));
  }

  /** The happy path of both exchanges, with user_info behind them. */
  void everythingWorks() {
    answer(APP_TOKEN, 200, appTokenJson("t-app-1", 7200));
    answer(TENANT_TOKEN, 200, TENANT_TOKEN_OK);
    answer(V2_TOKEN, 200, V2_TOKEN_OK);
    answer(OIDC_TOKEN, 200, OIDC_TOKEN_OK);
    answer(USER_INFO, 200, USER_INFO_OK);
    answer(JSSDK_TICKET, 200, TICKET_OK);
  }

  static ResponseDefinitionBuilder json(int status, String json) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(json);
  }

  int calls(String path) {
    return server.countRequestsMatching(pattern(path).build()).getCount();
  }

  static RequestPatternBuilder pattern(String path) {
    return USER_INFO.equals(path)
        ? RequestPatternBuilder.newRequestPattern(
            com.github.tomakehurst.wiremock.http.RequestMethod.GET, urlEqualTo(path))
        : RequestPatternBuilder.newRequestPattern(
            com.github.tomakehurst.wiremock.http.RequestMethod.POST, urlEqualTo(path));
  }

  private static MappingBuilder route(String path) {
    return USER_INFO.equals(path) ? get(urlEqualTo(path)) : post(urlEqualTo(path));
  }

  @Override
  public void close() {
    server.stop();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }
}
