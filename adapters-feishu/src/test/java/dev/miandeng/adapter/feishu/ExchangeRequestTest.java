package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.REDIRECT_URI;
import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static dev.miandeng.adapter.feishu.FeishuStub.V2_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.PkceVerifier;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the adapter sends, and how it reads the documented user_info JSON. */
class ExchangeRequestTest {

  private static final AuthorizationCode CODE =
      new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4");

  @RegisterExtension final FeishuStub stub = FeishuStub.working();
  private final FeishuIdentityLookup lookup =
      FeishuIdentityLookup.create(stub.settings(ExchangeFlavour.V2), Clock.systemUTC());

  @Test
  @DisplayName("a JSAPI code is exchanged without redirect_uri and code_verifier")
  void clientCodeSendsNeither() throws Exception {
    lookup.identify(new CodeGrant.FromClient(CODE));

    JsonNode body = onlyBody(V2_TOKEN);
    assertThat(body.get("grant_type").asText()).isEqualTo("authorization_code");
    assertThat(body.get("client_id").asText()).isEqualTo("cli_a1b2c3d4e5f6");
    assertThat(body.get("client_secret").asText()).isEqualTo("test-secret-not-real");
    assertThat(body.get("code").asText()).isEqualTo(CODE.value());
    assertThat(body.has("redirect_uri")).isFalse();
    assertThat(body.has("code_verifier")).isFalse();
  }

  @Test
  @DisplayName(
      "SEC-18 SEC-19 a browser code sends the configured redirect_uri byte for byte and the verifier")
  void browserCodeSendsRedirectAndVerifier() throws Exception {
    PkceVerifier verifier = new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    lookup.identify(new CodeGrant.FromBrowser(CODE, verifier));

    JsonNode body = onlyBody(V2_TOKEN);
    assertThat(body.get("redirect_uri").asText()).isEqualTo(REDIRECT_URI);
    assertThat(body.get("code_verifier").asText()).isEqualTo(verifier.value());
  }

  @Test
  @DisplayName("user_info is asked with the user token and mapped to identity and profile")
  void userInfoMapping() {
    VerifiedIdentity verified = lookup.identify(new CodeGrant.FromClient(CODE));

    LoggedRequest userInfo = stub.server.findAll(FeishuStub.pattern(USER_INFO)).getFirst();
    assertThat(userInfo.getHeader("Authorization")).isEqualTo("Bearer eyJhbGciOiJFUzI1NiJ9.user");
    assertThat(verified.identity().tenantKey()).isEqualTo("736588c92lxf175d");
    assertThat(verified.identity().openId())
        .isEqualTo("ou_caecc734c2e3328a62489fe0648c4b98779515d3");
    assertThat(verified.identity().unionId()).isEqualTo("on_d89jhk4f3aa3b8bd4e5e1b3b7c31a0b8");
    assertThat(verified.identity().userId()).contains("5d9bdxxx");
    assertThat(verified.profile().name()).isEqualTo("张三");
    assertThat(verified.profile().englishName()).isEqualTo("Zhang San");
    assertThat(verified.profile().avatarUrl())
        .isEqualTo("https://s1-imfile.feishucdn.com/avatar/zs.png");
    assertThat(verified.profile().email()).contains("zhangsan@example.com");
  }

  @Test
  void missingAvatarAndEmailDegradeToEmpty() {
    stub.answer(
        USER_INFO,
        200,
        "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"Li\",\"open_id\":\"ou_1\","
            + "\"union_id\":\"on_1\",\"tenant_key\":\"tk_1\",\"avatar_big\":\"https://x.test/b.png\"}}");

    VerifiedIdentity verified = lookup.identify(new CodeGrant.FromClient(CODE));

    assertThat(verified.profile().avatarUrl()).isEqualTo("https://x.test/b.png");
    assertThat(verified.profile().englishName()).isEmpty();
    assertThat(verified.profile().email()).isEqualTo(Optional.empty());
    assertThat(verified.identity().userId()).isEmpty();
  }

  private JsonNode onlyBody(String path) throws Exception {
    List<LoggedRequest> requests = stub.server.findAll(FeishuStub.pattern(path));
    assertThat(requests).hasSize(1);
    return new ObjectMapper().readTree(requests.getFirst().getBodyAsString());
  }
}
