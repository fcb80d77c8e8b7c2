package dev.miandeng.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-time codes: each lives as long as its kind says and can be redeemed once. Used codes are
 * remembered for a while so a second attempt is told 20065 (already used), not 20003.
 */
final class CodeStore {
  /** What redeeming a code gave. */
  sealed interface Redemption {}

  record Redeemed(IssuedCode code) implements Redemption {}

  record Refused(int errorCode) implements Redemption {}

  private static final Duration REMEMBER_USED_FOR = Duration.ofHours(1);

  private final Clock clock;
  private final Map<String, IssuedCode> live = new HashMap<>();
  private final Map<String, Instant> usedAt = new HashMap<>();

  CodeStore(Clock clock) {
    this.clock = clock;
  }

  synchronized IssuedCode issue(
      String appId,
      String openId,
      CodeKind kind,
      String scope,
      String redirectUri,
      String codeChallenge,
      String challengeMethod) {
    String code = RandomTokens.opaque("", 24);
    var issued =
        new IssuedCode(
            code,
            appId,
            openId,
            kind,
            scope == null ? "" : scope,
            redirectUri,
            codeChallenge,
            challengeMethod,
            clock.instant().plus(kind.lifetime()));
    live.put(code, issued);
    return issued;
  }

  /**
   * Consumes the code for {@code appId}. A code of another app is refused without being consumed
   * (the rightful app may still use it); every other refusal leaves the code unusable anyway.
   */
  synchronized Redemption redeem(String code, String appId) {
    Instant now = clock.instant();
    usedAt.values().removeIf(at -> at.plus(REMEMBER_USED_FOR).isBefore(now));
    if (code == null || code.isEmpty()) {
      return new Refused(ErrorCatalog.CODE_NOT_FOUND);
    }
    if (usedAt.containsKey(code)) {
      return new Refused(ErrorCatalog.CODE_USED);
    }
    IssuedCode issued = live.get(code);
    if (issued == null) {
      return new Refused(ErrorCatalog.CODE_NOT_FOUND);
    }
    if (!issued.expiresAt().isAfter(now)) {
      live.remove(code);
      return new Refused(ErrorCatalog.CODE_EXPIRED);
    }
    if (!issued.appId().equals(appId)) {
      return new Refused(ErrorCatalog.CODE_OF_ANOTHER_APP);
    }
    live.remove(code);
    usedAt.put(code, now);
    return new Redeemed(issued);
  }

  synchronized void clear() {
    live.clear();
    usedAt.clear();
  }
}
