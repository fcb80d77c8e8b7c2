package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsapiShimTest extends SimulatorTestBase {

  private SimHttp.Answer script() {
    return http.get(JsapiRoutes.SHIM_PATH);
  }

  private SimHttp.Answer askCode(String kind, String appId) {
    return http.post(
        JsapiRoutes.CODE_PATH,
        appId == null ? Map.of("kind", kind) : Map.of("kind", kind, "appId", appId));
  }

  @Test
  @DisplayName(
      "normal mode: the script defines h5sdk and tt with requestAccess and requestAuthCode")
  void normalScript() {
    SimHttp.Answer script = script();

    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).startsWith("application/javascript");
    assertThat(script.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(script.body())
        .contains("\"mode\":\"normal\"", "\"base\":\"" + sim.baseUrl() + "\"")
        .contains("window.h5sdk =", "window.tt = tt", "tt.requestAccess =", "requestAuthCode")
        .contains("options.appID", "options.appId", "setTimeout");
  }

  @ParameterizedTest
  @EnumSource(ClientMode.class)
  @DisplayName("every client mode is embedded in the script when it is served")
  void modeEmbedded(ClientMode mode) {
    sim.control().clientMode(mode);
    assertThat(script().body()).contains("\"mode\":\"" + mode.wireName() + "\"");
  }

  @Test
  @DisplayName("browser mode returns before defining anything; old-client skips requestAccess")
  void browserAndOldClient() {
    String body = script().body();
    int guard = body.indexOf("if (sim.mode === \"browser\")");
    int h5sdk = body.indexOf("window.h5sdk =");
    int oldClientGuard = body.indexOf("if (sim.mode !== \"old-client\")");
    int requestAccess = body.indexOf("tt.requestAccess =");
    assertThat(guard).isPositive().isLessThan(h5sdk);
    assertThat(body.substring(guard, h5sdk)).contains("return;");
    assertThat(oldClientGuard).isPositive().isLessThan(requestAccess);
  }

  @Test
  @DisplayName("the embedded user can hold any text without closing the script")
  void scriptEscaping() {
    assertThat(JsapiShim.render("</script><b>", new ClientSwitches(ClientMode.NORMAL, "ou")))
        .doesNotContain("</script>")
        .contains("\\u003c/script>");
  }

  @Test
  @DisplayName("normal mode: /jsapi/code issues a code for the client's user, with CORS *")
  void codeIssued() {
    sim.control().client(null, "ou_sim_alice");
    SimHttp.Answer answer = askCode("requestAccess", sim.appId());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    String code = answer.json().get("code").asText();
    var tokens = exchangeV2(code).json();
    assertThat(tokens.has("refresh_token")).isFalse(); // scopeList [] = identity only
    assertThat(
            http.get(UserInfoRoutes.PATH, tokens.get("access_token").asText())
                .json()
                .at("/data/open_id")
                .asText())
        .isEqualTo("ou_sim_alice");
  }

  @Test
  @DisplayName("CORS preflight for /jsapi/code allows any origin, POST and Content-Type")
  void preflight() {
    SimHttp.Answer answer =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + JsapiRoutes.CODE_PATH))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST"));
    assertThat(answer.status()).isEqualTo(204);
    assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST");
    assertThat(answer.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");
  }

  @Test
  @DisplayName("errno-103: requestAccess fails with 103, requestAuthCode still works")
  void errno103() {
    sim.control().clientMode(ClientMode.ERRNO_103);
    assertThat(askCode("requestAccess", sim.appId()).json().get("errno").asInt()).isEqualTo(103);
    assertThat(askCode("requestAuthCode", sim.appId()).json().get("code").asText()).isNotBlank();
  }

  @Test
  @DisplayName(
      "h5sdk-error: requestAccess fails with 103 and is also reported to the h5sdk.error handlers;"
          + " requestAuthCode still works")
  void h5sdkError() {
    assertThat(askCode("requestAccess", sim.appId()).json().has("h5sdkError")).isFalse();
    sim.control().clientMode(ClientMode.ERRNO_103);
    assertThat(askCode("requestAccess", sim.appId()).json().has("h5sdkError")).isFalse();

    sim.control().clientMode(ClientMode.H5SDK_ERROR);
    var answer = askCode("requestAccess", sim.appId()).json();
    assertThat(answer.get("errno").asInt()).isEqualTo(103);
    assertThat(answer.get("h5sdkError").asBoolean()).isTrue();
    assertThat(askCode("requestAuthCode", sim.appId()).json().get("code").asText()).isNotBlank();
    String body = script().body();
    int reported = body.indexOf("if (answer.h5sdkError)");
    assertThat(reported).isPositive();
    assertThat(body.substring(reported)).containsSubsequence("reportError(failure)", "opts.fail");
  }

  @Test
  @DisplayName(
      "refuse: requestAccess errno 2700002, requestAuthCode errno 107; refuse-once refuses once")
  void refuse() {
    sim.control().clientMode(ClientMode.REFUSE);
    assertThat(askCode("requestAccess", sim.appId()).json().get("errno").asInt())
        .isEqualTo(2700002);
    assertThat(askCode("requestAuthCode", sim.appId()).json().get("errno").asInt()).isEqualTo(107);

    sim.control().clientMode(ClientMode.REFUSE_ONCE);
    assertThat(askCode("requestAccess", sim.appId()).json().get("errno").asInt())
        .isEqualTo(2700002);
    assertThat(askCode("requestAccess", sim.appId()).json().get("code").asText()).isNotBlank();
    assertThat(askCode("requestAccess", sim.appId()).json().get("code").asText()).isNotBlank();
  }

  @Test
  @DisplayName("a call without appID/appId fails (errno 1) naming the expected spelling")
  void missingAppId() {
    SimHttp.Answer answer = askCode("requestAccess", null);
    assertThat(answer.json().get("errno").asInt()).isEqualTo(1);
    assertThat(answer.json().get("errString").asText()).contains("appID");
    assertThat(askCode("requestAuthCode", "").json().get("errString").asText()).contains("appId");
  }

  @Test
  @DisplayName("a code asked with another app id is refused at the exchange with 20024")
  void otherApp() {
    String code = askCode("requestAccess", "cli_other").json().get("code").asText();
    assertThat(exchangeV2(code).json().get("code").asInt()).isEqualTo(20024);
  }

  @Test
  @DisplayName("requestAccess scopeList reaches the token: offline_access gives a refresh token")
  void scopeList() {
    String code =
        http.post(
                JsapiRoutes.CODE_PATH,
                Map.of(
                    "kind",
                    "requestAccess",
                    "appId",
                    sim.appId(),
                    "scopeList",
                    List.of("offline_access")))
            .json()
            .get("code")
            .asText();
    assertThat(exchangeV2(code).json().has("refresh_token")).isTrue();
  }
}
