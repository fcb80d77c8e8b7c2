package dev.miandeng.adapter.feishu;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs page URLs for {@code h5sdk.config}, with the tenant token and the JSSDK ticket cached under
 * the 30-minute rule (REL-04, REL-05, REL-07) and a fresh random nonce per signature (the official
 * sample's fixed nonce is one of the things it gets wrong). Only needed by pages that call JSAPIs
 * other than requestAccess / requestAuthCode / closeWindow.
 */
public final class JssdkSigner {

  private final String appId;
  private final Duration deadline;
  private final RefreshingToken ticket;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private JssdkSigner(String appId, Duration deadline, RefreshingToken ticket, Clock clock) {
    this.appId = appId;
    this.deadline = deadline;
    this.ticket = ticket;
    this.clock = clock;
  }

  public static JssdkSigner create(FeishuSettings settings, Clock clock) {
    return create(settings, clock, Sleeper.THREAD);
  }

  static JssdkSigner create(FeishuSettings settings, Clock clock, Sleeper sleeper) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    FeishuReadApi api = FeishuClients.build(FeishuReadApi.class, settings);
    SafeRetry retry = new SafeRetry(settings, sleeper, random());
    RefreshingToken tenantToken = AppTokens.tenantAccessToken(api, settings, retry, clock);
    return new JssdkSigner(
        settings.appId(),
        settings.loginDeadline(),
        AppTokens.jssdkTicket(api, tenantToken, retry, clock),
        clock);
  }

  /**
   * A signature for the page at {@code pageUrl} (its fragment is ignored).
   *
   * @throws dev.miandeng.domain.identity.IdentityLookupException when the ticket cannot be had
   */
  public JssdkSignature sign(String pageUrl) {
    Objects.requireNonNull(pageUrl, "pageUrl");
    String currentTicket;
    try {
      currentTicket = Deadline.within(deadline, ticket::get);
    } catch (RuntimeException failure) {
      throw FeishuFailures.translate(failure);
    }
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String nonceStr = HexFormat.of().formatHex(nonce);
    long timestamp = clock.millis();
    return new JssdkSignature(
        appId,
        timestamp,
        nonceStr,
        JssdkSignature.sign(currentTicket, nonceStr, timestamp, pageUrl));
  }

  private static SecureRandom random() {
    return new SecureRandom();
  }
}
