package dev.miandeng.adapter.feishu;

import io.micrometer.core.instrument.MeterRegistry;
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
    return create(settings, clock, Sleeper.THREAD, FeishuMetrics.none());
  }

  /**
   * As above; the ticket's and tenant token's calls and fetches are counted in {@code registry}.
   */
  public static JssdkSigner create(FeishuSettings settings, Clock clock, MeterRegistry registry) {
    return create(settings, clock, Sleeper.THREAD, new FeishuMetrics(registry));
  }

  static JssdkSigner create(FeishuSettings settings, Clock clock, Sleeper sleeper) {
    return create(settings, clock, sleeper, FeishuMetrics.none());
  }

  private static JssdkSigner create(
      FeishuSettings settings, Clock clock, Sleeper sleeper, FeishuMetrics metrics) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    FeishuReadApi api = FeishuClients.build(FeishuReadApi.class, settings, metrics);
    SafeRetry retry = new SafeRetry(settings, sleeper, random());
    RefreshingToken tenantToken = AppTokens.tenantAccessToken(api, settings, retry, clock, metrics);
    return new JssdkSigner(
        settings.appId(),
        settings.loginDeadline(),
        AppTokens.jssdkTicket(api, tenantToken, retry, clock, metrics),
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
