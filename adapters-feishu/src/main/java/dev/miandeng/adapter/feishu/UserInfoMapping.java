package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.UserInfo;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * user_info's {@code data} to the domain's identity. The key fields (tenant_key, open_id, union_id)
 * must be there; display fields degrade to empty rather than failing a login.
 */
final class UserInfoMapping {

  /** The domain's bound on display names; longer names are cut rather than refused. */
  private static final int MAX_NAME = 256;

  private UserInfoMapping() {}

  static VerifiedIdentity toVerifiedIdentity(UserInfo info) {
    if (info == null) {
      throw new FeishuAnswerMalformed("the user_info answer has no data");
    }
    require(info.tenantKey(), "tenant_key");
    require(info.openId(), "open_id");
    require(info.unionId(), "union_id");
    Identity identity =
        new Identity(info.tenantKey(), info.openId(), info.unionId(), present(info.userId()));
    Profile profile =
        new Profile(name(info.name()), name(info.enName()), avatar(info), present(info.email()));
    return new VerifiedIdentity(identity, profile);
  }

  /** avatar_url, else the biggest other size; empty when none is an http(s) URL. */
  private static String avatar(UserInfo info) {
    return Stream.of(info.avatarUrl(), info.avatarBig(), info.avatarMiddle(), info.avatarThumb())
        .filter(url -> url != null && (url.startsWith("https://") || url.startsWith("http://")))
        .findFirst()
        .orElse("");
  }

  private static String name(String value) {
    if (value == null) {
      return "";
    }
    if (value.length() <= MAX_NAME) {
      return value;
    }
    // Cut on a code point boundary so no half surrogate pair is stored.
    return value.substring(0, value.offsetByCodePoints(0, value.codePointCount(0, MAX_NAME - 1)));
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new FeishuAnswerMalformed("the user_info answer has no " + field);
    }
  }
}
