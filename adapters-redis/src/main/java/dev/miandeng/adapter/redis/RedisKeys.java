package dev.miandeng.adapter.redis;

import dev.miandeng.domain.login.LoginState;
import dev.miandeng.domain.session.SessionTokenHash;
import dev.miandeng.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key names, all under the configured prefix: {@code <prefix>session:<token hash>} (a hash),
 * {@code <prefix>user-sessions:<user id>} (the set of that user's session keys) and {@code
 * <prefix>login:<SHA-256 of the state>} (a string). Neither a session token nor a login state
 * appears in a key or a value (SEC-12).
 */
final class RedisKeys {

  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  String session(SessionTokenHash id) {
    return prefix + "session:" + id.hex();
  }

  String userSessions(UserId userId) {
    return userSessionsPrefix() + userId.value();
  }

  /** What a script prepends to a user id to name that user's set. */
  String userSessionsPrefix() {
    return prefix + "user-sessions:";
  }

  String login(LoginState state) {
    return prefix + "login:" + sha256(state.value());
  }

  /** {@code SCAN MATCH} patterns; the prefix holds no glob characters ({@link RedisSettings}). */
  String allSessions() {
    return prefix + "session:*";
  }

  String allLogins() {
    return prefix + "login:*";
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
