package dev.miandeng.adapter.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Which JSSDK ticket was last renewed because a client rejected it, so each ticket is renewed at
 * most once: the ticket quota is small (facts page section 3.6) and a page's report cannot be
 * verified. Only a SHA-256 of the ticket is kept: no second copy of the credential. Thread-safe.
 */
final class TicketRenewals {

  private byte[] lastRenewed; // guarded by this

  /** True the first time {@code ticket} is reported (the caller renews it), false after that. */
  synchronized boolean firstFor(String ticket) {
    byte[] digest = sha256(ticket);
    if (lastRenewed != null && Arrays.equals(lastRenewed, digest)) {
      return false;
    }
    lastRenewed = digest;
    return true;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships SHA-256", e);
    }
  }
}
