package dev.miandeng.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorizePageTest extends SimulatorTestBase {
  private static final String REDIRECT = "https://app.example/callback";
  private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789";

  @Override
  SimulatorSettings settings() {
    return super.settings().withRedirectUris(List.of(REDIRECT));
  }

  private Map<String, String> params(String redirectUri) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", sim.appId());
    params.put("response_type", "code");
    params.put("redirect_uri", redirectUri);
    params.put("scope", "offline_access");
    params.put("state", "st&ate=1");
    params.put("code_challenge", Pkce.s256(VERIFIER));
    params.put("code_challenge_method", "S256");
    return params;
  }

  private SimHttp.Answer show(Map<String, String> params) {
    return show(http, params);
  }

  private static SimHttp.Answer show(SimHttp client, Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return client.get(AuthorizeRoutes.PATH + "?" + query);
  }

  private static Map<String, String> queryOf(String location) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  @Test
  @DisplayName(
      "the page lists every roster user with data-open-id, #allow and #deny; names escaped")
  void page() {
    SimHttp.Answer page = show(params(REDIRECT));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    for (SimulatedUser user : sim.roster()) {
      assertThat(page.body()).contains("data-open-id=\"" + user.openId() + "\"");
    }
    assertThat(page.body()).contains("id=\"allow\"", "id=\"deny\"", "张三");
    assertThat(page.body())
        .doesNotContain("<img src=x", "<script>window.__pwned")
        .contains(
            "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;Eve &amp; &quot;Co&quot;"
                + " &lt;script&gt;window.__pwned=1&lt;/script&gt;");
    assertThat(page.body()).contains("value=\"st&amp;ate=1\"");
  }

  @Test
  @DisplayName(
      "the person the browser is signed in as (the control page's user) is preselected, so a later"
          + " consent in the same browser is theirs")
  void theSignedInUserIsPreselected() {
    assertThat(show(params(REDIRECT)).body())
        .containsPattern("value=\"ou_sim_zhangsan\" data-open-id=\"ou_sim_zhangsan\" checked");

    http.put("/_sim/client", Map.of("mode", "browser", "user", "ou_sim_eve"));

    String page = show(params(REDIRECT)).body();
    assertThat(page).containsPattern("value=\"ou_sim_eve\" data-open-id=\"ou_sim_eve\" checked");
    assertThat(page).doesNotContainPattern("data-open-id=\"ou_sim_zhangsan\" checked");
  }

  @Test
  @DisplayName(
      "SEC-18 basis: Allow -> 302 redirect_uri?code&state; the code needs the verifier and redirect_uri")
  void allow() {
    Map<String, String> form = params(REDIRECT);
    form.put("open_id", "ou_sim_alice");
    form.put("decision", "allow");

    SimHttp.Answer answer = http.postForm(AuthorizeRoutes.PATH, form);

    assertThat(answer.status()).isEqualTo(302);
    String location = answer.header("Location");
    assertThat(location).startsWith(REDIRECT + "?code=");
    Map<String, String> query = queryOf(location);
    assertThat(query.get("state")).isEqualTo("st&ate=1");
    var tokens =
        exchangeV2(query.get("code"), Map.of("redirect_uri", REDIRECT, "code_verifier", VERIFIER))
            .json();
    assertThat(tokens.get("code").asInt()).isZero();
    assertThat(tokens.has("refresh_token")).isTrue();
    String userToken = tokens.get("access_token").asText();
    assertThat(http.get(UserInfoRoutes.PATH, userToken).json().at("/data/open_id").asText())
        .isEqualTo("ou_sim_alice");
  }

  @Test
  @DisplayName("Deny -> 302 redirect_uri?error=access_denied&state (existing query kept)")
  void deny() {
    Map<String, String> form = params(REDIRECT + "?from=x");
    form.put("open_id", ZHANG_SAN);
    form.put("decision", "deny");

    SimHttp.Answer answer = http.postForm(AuthorizeRoutes.PATH, form);

    assertThat(answer.status()).isEqualTo(302);
    Map<String, String> query = queryOf(answer.header("Location"));
    assertThat(query)
        .containsEntry("from", "x")
        .containsEntry("error", "access_denied")
        .containsEntry("state", "st&ate=1")
        .doesNotContainKey("code");
  }

  @Test
  @DisplayName(
      "unknown client_id -> error page 20048; unregistered redirect_uri -> error page 20029")
  void errors() {
    Map<String, String> unknownApp = params(REDIRECT);
    unknownApp.put("client_id", "cli_other");
    SimHttp.Answer app = show(unknownApp);
    assertThat(app.status()).isEqualTo(400);
    assertThat(app.body()).contains("20048").doesNotContain("data-open-id");

    SimHttp.Answer redirect = show(params("https://evil.example/callback"));
    assertThat(redirect.status()).isEqualTo(400);
    assertThat(redirect.body()).contains("20029");

    Map<String, String> forged = params("https://evil.example/callback");
    forged.put("open_id", ZHANG_SAN);
    forged.put("decision", "allow");
    SimHttp.Answer post = http.postForm(AuthorizeRoutes.PATH, forged);
    assertThat(post.status()).isEqualTo(400);
    assertThat(post.header("Location")).isNull();
  }

  @Test
  @DisplayName(
      "SEC-19 basis: redirect_uri must equal a registered URL (query and fragment aside);"
          + " prefixes, other paths, ports, schemes and a trailing slash get 20029")
  void redirectUriMatchedExactly() {
    for (String accepted :
        List.of(REDIRECT, REDIRECT + "?from=x", REDIRECT + "#/login", REDIRECT + "?a=1#b")) {
      assertThat(show(params(accepted)).status()).as(accepted).isEqualTo(200);
    }
    for (String refused :
        List.of(
            "https://app.example/",
            "https://app.example/callback/",
            "https://app.example/callback/evil",
            "https://app.example/callbackx",
            "https://app.example:8443/callback",
            "http://app.example/callback",
            "https://app.example.evil/callback")) {
      SimHttp.Answer answer = show(params(refused));
      assertThat(answer.status()).as(refused).isEqualTo(400);
      assertThat(answer.body()).as(refused).contains("20029").doesNotContain("data-open-id");
    }
  }

  @Test
  @DisplayName("an app with no redirect URL registered gets 20029 for every redirect_uri")
  void noRedirectUrlRegistered() {
    try (FeishuSimulator bare = FeishuSimulator.start(SimulatorSettings.defaults())) {
      Map<String, String> query = params(REDIRECT);
      query.put("client_id", bare.appId());
      SimHttp.Answer answer = show(new SimHttp(bare.baseUrl()), query);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).contains("20029");
    }
  }

  @Test
  @DisplayName(
      "a scope the app has not enabled gets error page 20027 on GET and POST; enabled ones pass")
  void scopeNotEnabled() {
    Map<String, String> asked = params(REDIRECT);
    asked.put("scope", "offline_access bitable:app:readonly");
    SimHttp.Answer page = show(asked);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body())
        .contains("20027", "bitable:app:readonly")
        .doesNotContain("data-open-id");

    asked.put("open_id", ZHANG_SAN);
    asked.put("decision", "allow");
    SimHttp.Answer post = http.postForm(AuthorizeRoutes.PATH, asked);
    assertThat(post.status()).isEqualTo(400);
    assertThat(post.header("Location")).isNull();

    Map<String, String> enabled = params(REDIRECT);
    enabled.put("scope", "contact:user.email:readonly offline_access");
    assertThat(show(enabled).status()).isEqualTo(200);
  }
}
