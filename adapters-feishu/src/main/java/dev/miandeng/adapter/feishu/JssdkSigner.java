package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.domain.identity.IdentityLookupException;
import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.JsapiConfigSigner;
import dev.miandeng.domain.jsapi.PageUrl;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link JsapiConfigSigner} on Feishu: signs page URLs for {@code h5sdk.config} with the JSSDK
 * ticket ({@code POST /open-apis/jssdk/ticket/get}, facts page section 3.6), a fresh random nonce
 * (the official sample's fixed nonce is one of the things it gets wrong) and the current time in
 * milliseconds.
 *
 * <p>The ticket and the tenant token it is fetched with are each a {@link RefreshingToken}: kept by
 * their own {@code expire_in} / {@code expire} under the 30-minute rule (REL-05), one upstream
 * fetch for concurrent callers (REL-04), and a tenant token the ticket call rejects as stale is
 * replaced and the call repeated once (REL-07). A ticket the client rejected is replaced at most
 * once ({@link TicketRenewals}).
 */
public final class JssdkSigner implements JsapiConfigSigner {

  private static final Logger LOG = LoggerFactory.getLogger(JssdkSigner.class);

  /** The ticket's name in logs and metrics. */
  static final String TICKET = "jsapi_ticket";

  private final String appId;
  private final Duration deadline;
  private final RefreshingToken ticket;
  private final Clock clock;
  private final FeishuMetrics metrics;
  private final TicketRenewals renewals = new TicketRenewals();
  private final SecureRandom random = new SecureRandom();

  private JssdkSigner(
      String appId, Duration deadline, RefreshingToken ticket, Clock clock, FeishuMetrics metrics) {
    this.appId = appId;
    this.deadline = deadline;
    this.ticket = ticket;
    this.clock = clock;
    this.metrics = metrics;
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
    SafeRetry retry = new SafeRetry(settings, sleeper, new SecureRandom());
    RefreshingToken tenantToken = AppTokens.tenantAccessToken(api, settings, retry, clock, metrics);
    return new JssdkSigner(
        settings.appId(),
        settings.loginDeadline(),
        AppTokens.jssdkTicket(api, tenantToken, retry, clock, metrics),
        clock,
        metrics);
  }

  @Override
  public JsapiConfig sign(PageUrl page) {
    Objects.requireNonNull(page, "page");
    return signWith(currentTicket(), page);
  }

  /**
   * Replaces the current ticket unless it was already replaced once after a rejection (Feishu
   * answers a refetch with the same ticket while it has 30 minutes left, so a page that keeps
   * reporting costs at most one more fetch per ticket), then signs with whatever is current.
   */
  @Override
  public JsapiConfig signWithRenewedTicket(PageUrl page) {
    Objects.requireNonNull(page, "page");
    String rejected = currentTicket();
    if (renewals.firstFor(rejected)) {
      LOG.warn(
          "the client rejected a configuration signed with the cached {}; renewing it", TICKET);
      ticket.evict(rejected);
      metrics.tokenEvicted(TICKET);
    }
    return signWith(currentTicket(), page);
  }

  private JsapiConfig signWith(String currentTicket, PageUrl page) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String nonceStr = HexFormat.of().formatHex(nonce);
    long timestamp = clock.millis();
    return new JsapiConfig(
        appId,
        timestamp,
        nonceStr,
        JssdkSignature.sign(currentTicket, nonceStr, timestamp, page.value()));
  }

  private String currentTicket() {
    try {
      return Deadline.within(deadline, ticket::get);
    } catch (RuntimeException failure) {
      throw outage(FeishuFailures.translate(failure));
    }
  }

  /** The port declares outages only; a refusal of the ticket call is the app's setup to fix. */
  private static RuntimeException outage(IdentityLookupException failure) {
    return switch (failure) {
      case AuthCenterUnavailableException unavailable -> unavailable;
      case AuthCenterMisconfiguredException misconfigured -> misconfigured;
      default ->
          new AuthCenterMisconfiguredException(
              "Feishu refused the JSSDK ticket call: " + failure.getMessage());
    };
  }
}
