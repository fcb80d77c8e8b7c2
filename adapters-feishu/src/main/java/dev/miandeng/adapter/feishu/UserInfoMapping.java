package dev.miandeng.adapter.feishu;

import dev.miandeng.adapter.feishu.FeishuWire.UserInfo;
import dev.miandeng.domain.identity.Identity;
import dev.miandeng.domain.identity.Profile;
import dev.miandeng.domain.identity.UserGrant;
import dev.miandeng.domain.identity.VerifiedIdentity;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * user_info's {@code data} to the domain's identity (server-docs/authentication-management/
 * login-state-management/get).
 *
 * <ul>
 *   <li>The key fields ({@code tenant_key}, {@code open_id}, {@code union_id}) must be present, at
 *       most 128 characters and free of control characters; otherwise the answer is malformed and
 *       the login fails (there is nobody to log in).
 *   <li>Every other field is optional: a value out of range is trimmed (names) or dropped (avatar,
 *       e-mail, user_id) with one log line naming the field, never a failed login.
 *   <li>No control character (NUL included, which PostgreSQL refuses in text) is kept in any field:
 *       names lose them, other fields holding one are dropped.
 *   <li>The e-mail is {@code email}, else {@code enterprise_email} (the company address; both need
 *       their scope and both are unverified, facts page section 3.4).
 * </ul>
 *
 * Values are never logged, only field names: they are personal data.
 */
final class UserInfoMapping {

  private static final Logger LOG = LoggerFactory.getLogger(UserInfoMapping.class);

  /** The domain's bounds ({@code Identity}, {@code Profile}). */
  private static final int MAX_KEY = 128;

  private static final int MAX_NAME = 256;
  private static final int MAX_URL = 2048;

  /** Anything Unicode calls a control character: C0, DEL and C1. */
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

  /** One '@' with text on both sides and no whitespace: enough to refuse garbage, no more. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private UserInfoMapping() {}

  static VerifiedIdentity toVerifiedIdentity(UserInfo info, Optional<UserGrant> grant) {
    if (info == null) {
      throw new FeishuAnswerMalformed("the user_info answer has no data");
    }
    Identity identity =
        new Identity(
            key(info.tenantKey(), "tenant_key"),
            key(info.openId(), "open_id"),
            key(info.unionId(), "union_id"),
            optionalId(info.userId()));
    Profile profile =
        new Profile(
            name(info.name(), "name"), name(info.enName(), "en_name"), avatar(info), email(info));
    return new VerifiedIdentity(identity, profile, grant);
  }

  private static String key(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new FeishuAnswerMalformed("the user_info answer has no " + field);
    }
    if (value.length() > MAX_KEY || CONTROL.matcher(value).find()) {
      throw new FeishuAnswerMalformed("the user_info answer has an invalid " + field);
    }
    return value;
  }

  private static Optional<String> optionalId(String value) {
    return present(value).filter(id -> fits(id, MAX_KEY, "user_id"));
  }

  /** avatar_url, else the biggest other size that is a usable http(s) URL; else none. */
  private static String avatar(UserInfo info) {
    return Stream.of(
            field(info.avatarUrl(), "avatar_url"),
            field(info.avatarBig(), "avatar_big"),
            field(info.avatarMiddle(), "avatar_middle"),
            field(info.avatarThumb(), "avatar_thumb"))
        .flatMap(Optional::stream)
        .filter(named -> isHttpUrl(named.value()) && fits(named.value(), MAX_URL, named.name()))
        .map(Named::value)
        .findFirst()
        .orElse("");
  }

  private static Optional<String> email(UserInfo info) {
    return Stream.of(
            field(info.email(), "email"), field(info.enterpriseEmail(), "enterprise_email"))
        .flatMap(Optional::stream)
        .filter(named -> isEmail(named) && fits(named.value(), MAX_NAME, named.name()))
        .map(Named::value)
        .findFirst();
  }

  /** Names are free text: control characters are removed and the length cut, never refused. */
  private static String name(String value, String field) {
    if (value == null) {
      return "";
    }
    String clean = CONTROL.matcher(value).replaceAll("");
    if (clean.length() != value.length()) {
      LOG.info("user_info {}: control characters removed", field);
    }
    if (clean.length() <= MAX_NAME) {
      return clean;
    }
    LOG.info("user_info {}: cut to {} characters", field, MAX_NAME);
    // Cut on a code point boundary so no half surrogate pair is stored.
    int end = Character.isHighSurrogate(clean.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
    return clean.substring(0, end);
  }

  private record Named(String name, String value) {}

  private static Optional<Named> field(String value, String name) {
    return present(value).map(v -> new Named(name, v));
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Whether {@code value} is short enough and control-free; logs the field when it is not. */
  private static boolean fits(String value, int max, String field) {
    if (value.length() > max) {
      LOG.info("user_info {}: {} characters, over {}; dropped", field, value.length(), max);
      return false;
    }
    if (CONTROL.matcher(value).find()) {
      LOG.info("user_info {}: holds control characters; dropped", field);
      return false;
    }
    return true;
  }

  private static boolean isHttpUrl(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  private static boolean isEmail(Named named) {
    if (EMAIL.matcher(named.value()).matches()) {
      return true;
    }
    LOG.info("user_info {}: not an e-mail address; dropped", named.name());
    return false;
  }
}
