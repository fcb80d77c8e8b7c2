package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuStub.USER_INFO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.feishu.FeishuWire.UserInfo;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user_info taken faithfully: optional fields out of range are trimmed or dropped (never a failed
 * login), control characters never pass, the company e-mail stands in for an empty personal one,
 * and missing key fields still fail.
 */
class UserInfoMappingTest {

  private static final String AVATAR = "https://s1-imfile.feishucdn.com/avatar/zs.png";
  private static final String AVATAR_BIG = "https://s1-imfile.feishucdn.com/avatar/zs_640.png";

  @RegisterExtension final FeishuStub stub = FeishuStub.working();

  /** A user_info {@code data} with Feishu's documented fields; each case changes a few. */
  private static final class Info {
    private String name = "张三";
    private String avatarUrl = AVATAR;
    private String avatarBig = AVATAR_BIG;
    private String openId = "ou_caecc734c2e3328a62489fe0648c4b98779515d3";
    private String email = "zhangsan@example.com";
    private String enterpriseEmail;
    private String userId = "5d9bdxxx";

    Info name(String value) {
      name = value;
      return this;
    }

    Info avatars(String url, String big) {
      avatarUrl = url;
      avatarBig = big;
      return this;
    }

    Info openId(String value) {
      openId = value;
      return this;
    }

    Info emails(String personal, String company) {
      email = personal;
      enterpriseEmail = company;
      return this;
    }

    Info userId(String value) {
      userId = value;
      return this;
    }

    VerifiedIdentity map() {
      return UserInfoMapping.toVerifiedIdentity(
          new UserInfo(
              name,
              "Zhang San",
              avatarUrl,
              null,
              null,
              avatarBig,
              openId,
              "on_union",
              "736588c92lxf175d",
              email,
              enterpriseEmail,
              userId),
          java.util.Optional.empty());
    }

    Profile profile() {
      return map().profile();
    }
  }

  @Test
  @DisplayName("a 3 KB avatar_url is dropped for the next size; with none usable, no avatar")
  void oversizedAvatarIsDropped() {
    String huge = "https://cdn.example.test/" + "a".repeat(3 * 1024);

    assertThat(new Info().avatars(huge, AVATAR_BIG).profile().avatarUrl()).isEqualTo(AVATAR_BIG);
    assertThat(new Info().avatars(huge, huge).profile().avatarUrl()).isEmpty();
  }

  @Test
  @DisplayName("an over-long or malformed e-mail is dropped, not a failed login")
  void badEmailIsDropped() {
    String long300 = "a".repeat(300) + "@example.com";

    assertThat(new Info().emails(long300, null).profile().email()).isEmpty();
    assertThat(new Info().emails("not an address", null).profile().email()).isEmpty();
  }

  @Test
  @DisplayName("the company e-mail (enterprise_email) is kept when the personal one is empty")
  void enterpriseEmailWhenPersonalIsEmpty() {
    String company = "zs@corp.example";

    assertThat(new Info().emails("", company).profile().email()).contains(company);
    assertThat(new Info().emails(null, company).profile().email()).contains(company);
    assertThat(new Info().emails("zs@example.com", company).profile().email())
        .contains("zs@example.com");
  }

  @Test
  @DisplayName("SEC-22 NUL and other control characters never pass: names lose them, ids drop")
  void controlCharactersNeverPass() {
    Profile p =
        new Info()
            .name("张\u0000三\u0007\u009b")
            .emails("zs\u0000@example.com", null)
            .avatars(AVATAR + "\u0000", AVATAR_BIG)
            .profile();

    assertThat(p.name()).isEqualTo("张三");
    assertThat(p.email()).isEmpty();
    assertThat(p.avatarUrl()).isEqualTo(AVATAR_BIG);
    assertThat(new Info().userId("5d9\u0000b").map().identity().userId()).isEmpty();
  }

  @Test
  @DisplayName("a name longer than 256 characters is cut, without splitting a surrogate pair")
  void longNameIsCut() {
    String cut = new Info().name("a" + "😀".repeat(200)).profile().name();

    assertThat(new Info().name("名".repeat(300)).profile().name()).hasSize(256);
    assertThat(cut).hasSizeLessThanOrEqualTo(256);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Test
  @DisplayName("a missing or invalid open_id is still a clear failure")
  void missingKeyFieldFails() {
    assertThatThrownBy(() -> new Info().openId(null).map())
        .isInstanceOf(FeishuAnswerMalformed.class)
        .hasMessageContaining("open_id");
    assertThatThrownBy(() -> new Info().openId("ou_\u0000").map())
        .isInstanceOf(FeishuAnswerMalformed.class)
        .hasMessageContaining("open_id");
  }

  @Test
  @DisplayName("over HTTP: a user_info with a 3 KB avatar and a NUL in the name still logs in")
  void loginSucceedsWithOutOfRangeOptionalFields() {
    stub.answer(
        USER_INFO,
        200,
        "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"张\\u0000三\","
            + "\"avatar_url\":\"https://cdn.example.test/"
            + "a".repeat(3 * 1024)
            + "\",\"open_id\":\"ou_1\",\"union_id\":\"on_1\",\"tenant_key\":\"t1\","
            + "\"email\":\"\",\"enterprise_email\":\"zs@corp.example\"}}");

    VerifiedIdentity verified = logIn();

    assertThat(verified.profile().name()).isEqualTo("张三");
    assertThat(verified.profile().avatarUrl()).isEmpty();
    assertThat(verified.profile().email()).isEqualTo(Optional.of("zs@corp.example"));
  }

  @Test
  @DisplayName("over HTTP: a user_info without open_id fails the login as unavailable")
  void loginFailsWithoutOpenId() {
    stub.answer(
        USER_INFO,
        200,
        "{\"code\":0,\"msg\":\"success\",\"data\":{\"name\":\"x\",\"union_id\":\"on_1\","
            + "\"tenant_key\":\"t1\"}}");

    assertThatThrownBy(this::logIn)
        .isInstanceOf(AuthCenterUnavailableException.class)
        .hasMessageContaining("open_id");
  }

  private VerifiedIdentity logIn() {
    return FeishuIdentityLookup.create(
            stub.settings(ExchangeFlavour.V2), Clock.systemUTC(), stub.recordingSleeper)
        .identify(
            new CodeGrant.FromClient(new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4")));
  }
}
