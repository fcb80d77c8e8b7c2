package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * Gives every request an id, sent back as {@code X-Request-Id}, written into error bodies and put
 * in the logging context, so a user's screenshot leads to the log line. Ids are generated here and
 * never taken from the client: a forged id could poison the logs. They name a request and guard
 * nothing, so 96 random bits from {@link ThreadLocalRandom} make them unique enough without the
 * shared lock of a {@code SecureRandom} on every request.
 */
final class RequestIds {

  static final String HEADER = "X-Request-Id";
  static final String MDC_KEY = "requestId";
  private static final String ATTRIBUTE = "miandeng.requestId";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private RequestIds() {}

  static String newId() {
    byte[] bytes = new byte[12];
    ThreadLocalRandom.current().nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  static void assign(Context ctx) {
    String id = newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /** The id of this request; assigns one if a failure happened before the first filter ran. */
  static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }

  static void clear() {
    MDC.remove(MDC_KEY);
  }
}
