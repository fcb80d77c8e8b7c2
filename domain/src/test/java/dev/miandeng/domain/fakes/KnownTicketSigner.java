package dev.miandeng.domain.fakes;

import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.JsapiConfigSigner;
import dev.miandeng.domain.jsapi.PageUrl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSAPI signer with a ticket the test knows, signing by Feishu's documented formula; counts
 * renewals and can be told to fail as an outage. Thread-safe.
 */
public final class KnownTicketSigner implements JsapiConfigSigner {

  private final String appId;
  private final Clock clock;
  private final AtomicInteger renewals = new AtomicInteger();
  private volatile String ticket;
  private volatile RuntimeException outage;

  public KnownTicketSigner(String appId, String ticket, Clock clock) {
    this.appId = Objects.requireNonNull(appId, "appId");
    this.ticket = Objects.requireNonNull(ticket, "ticket");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JsapiConfig sign(PageUrl page) {
    RuntimeException failure = outage;
    if (failure != null) {
      throw failure;
    }
    String nonce = UUID.randomUUID().toString().replace("-", "");
    long timestamp = clock.millis();
    return new JsapiConfig(appId, timestamp, nonce, sha1(ticket, nonce, timestamp, page.value()));
  }

  @Override
  public JsapiConfig signWithRenewedTicket(PageUrl page) {
    renewals.incrementAndGet();
    return sign(page);
  }

  /** How many times a renewal was asked for. */
  public int renewals() {
    return renewals.get();
  }

  /** From now on every call throws {@code failure} (null: works again). */
  public void failWith(RuntimeException failure) {
    this.outage = failure;
  }

  public String ticket() {
    return ticket;
  }

  /** Feishu's formula, computed here independently of any adapter. */
  public static String sha1(String ticket, String nonce, long timestamp, String url) {
    String text =
        "jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + timestamp + "&url=" + url;
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
