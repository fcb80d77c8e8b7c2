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
import java.util.function.UnaryOperator;
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

  private static UserInfo info(UnaryOperator<Fields> change) {
    Fields f = change.apply(new Fields());
    return new UserInfo(
        f.name,
        "Zhang San",
        f.avatarUrl,
        null,
        null,
        f.avatarBig,
        f.openId,
        "on_union",
        "736588c92lxf175d",
        f.email,
        f.enterpriseEmail,
        f.userId);
  }

  /** The fields the cases vary; the rest are fixed. */
  private static final class Fields {
    String name = "张三";
    String avatarUrl = AVATAR;
    String avatarBig = AVATAR_BIG;
    String openId = "ou_caecc734c2e3328a62489fe0648c4b98779515d3";
    String email = "zhangsan@example.com";
    String enterpriseEmail = null;
    String userId = "5d9bdxxx";
  }

  private static Profile profile(UnaryOperator<Fields> change) {
    return UserInfoMapping.toVerifiedIdentity(info(change)).profile();
  }

  @Test
  @DisplayName("a 3 KB avatar_url is dropped for the next size; with none usable, no avatar")
  void oversizedAvatarIsDropped() {
    String huge = "https://cdn.example.test/" + "a".repeat(3 * 1024);

    assertThat(
            profile(
                    f -> {
                      f.avatarUrl = huge;
                      return f;
                    })
                .avatarUrl())
        .isEqualTo(AVATAR_BIG);
    assertThat(
            profile(
                    f -> {
                      f.avatarUrl = huge;
                      f.avatarBig = huge;
                      return f;
                    })
                .avatarUrl())
        .isEmpty();
  }

  @Test
  @DisplayName("an over-long or malformed e-mail is dropped, not a failed login")
  void badEmailIsDropped() {
    String long300 = "a".repeat(300) + "@example.com";

    assertThat(
            profile(
                    f -> {
                      f.email = long300;
                      return f;
                    })
                .email())
        .isEmpty();
    assertThat(
            profile(
                    f -> {
                      f.email = "not an address";
                      return f;
                    })
                .email())
        .isEmpty();
  }

  @Test
  @DisplayName("the company e-mail (enterprise_email) is kept when the personal one is empty")
  void enterpriseEmailWhenPersonalIsEmpty() {
    assertThat(
            profile(
                    f -> {
                      f.email = "";
                      f.enterpriseEmail = "zs@corp.example";
                      return f;
                    })
                .email())
        .contains("zs@corp.example");
    assertThat(
            profile(
                    f -> {
                      f.email = null;
                      f.enterpriseEmail = "zs@corp.example";
                      return f;
                    })
                .email())
        .contains("zs@corp.example");
    assertThat(
            profile(
                    f -> {
                      f.enterpriseEmail = "zs@corp.example";
                      return f;
                    })
                .email())
        .contains("zhangsan@example.com");
  }

  @Test
  @DisplayName("SEC-22 NUL and other control characters never pass: names lose them, ids drop")
  void controlCharactersNeverPass() {
    Profile p =
        profile(
            f -> {
              f.name = "张\u0000三\u0007\u009b";
              f.email = "zs\u0000@example.com";
              f.avatarUrl = AVATAR + "\u0000";
              return f;
            });
    VerifiedIdentity withBadUserId =
        UserInfoMapping.toVerifiedIdentity(
            info(
                f -> {
                  f.userId = "5d9\u0000b";
                  return f;
                }));

    assertThat(p.name()).isEqualTo("张三");
    assertThat(p.email()).isEmpty();
    assertThat(p.avatarUrl()).isEqualTo(AVATAR_BIG);
    assertThat(withBadUserId.identity().userId()).isEmpty();
  }

  @Test
  @DisplayName("a name longer than 256 characters is cut, without splitting a surrogate pair")
  void longNameIsCut() {
    assertThat(
            profile(
                    f -> {
                      f.name = "名".repeat(300);
                      return f;
                    })
                .name())
        .hasSize(256);
    String emoji = "a" + "😀".repeat(200);
    String cut =
        profile(
                f -> {
                  f.name = emoji;
                  return f;
                })
            .name();
    assertThat(cut.length()).isLessThanOrEqualTo(256);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Test
  @DisplayName("a missing or invalid open_id is still a clear failure")
  void missingKeyFieldFails() {
    assertThatThrownBy(
            () ->
                UserInfoMapping.toVerifiedIdentity(
                    info(
                        f -> {
                          f.openId = null;
                          return f;
                        })))
        .isInstanceOf(FeishuAnswerMalformed.class)
        .hasMessageContaining("open_id");
    assertThatThrownBy(
            () ->
                UserInfoMapping.toVerifiedIdentity(
                    info(
                        f -> {
                          f.openId = "ou_\u0000";
                          return f;
                        })))
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

    VerifiedIdentity verified =
        FeishuIdentityLookup.create(
                stub.settings(ExchangeFlavour.V2), Clock.systemUTC(), stub.recordingSleeper)
            .identify(
                new CodeGrant.FromClient(
                    new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4")));

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

    assertThatThrownBy(
            () ->
                FeishuIdentityLookup.create(
                        stub.settings(ExchangeFlavour.V2), Clock.systemUTC(), stub.recordingSleeper)
                    .identify(
                        new CodeGrant.FromClient(
                            new AuthorizationCode("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"))))
        .isInstanceOf(AuthCenterUnavailableException.class)
        .hasMessageContaining("open_id");
  }
}
