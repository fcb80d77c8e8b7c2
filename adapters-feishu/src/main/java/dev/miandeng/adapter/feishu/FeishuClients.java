package dev.miandeng.adapter.feishu;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the Feign clients: the one place where timeouts, codecs, retries, logging and metrics are
 * set, and where the HTTP client under them is made.
 */
final class FeishuClients {

  /**
   * One JDK HttpClient per connect timeout (the JDK fixes it per client), so in production one for
   * the process: every Feishu API shares its kept-alive connections and its one selector thread. A
   * login's code exchange and user_info call then go out on connections already open, where a
   * client per API kept a pool and a thread each.
   */
  private static final Map<Duration, HttpClient> SHARED = new ConcurrentHashMap<>();

  private FeishuClients() {}

  static <T> T build(Class<T> api, FeishuSettings settings, FeishuMetrics metrics) {
    return build(api, settings, metrics, settings.openApiBaseUrl(), new FeishuReplyDecoder());
  }

  /** The v3 token endpoint: on the accounts host, its success replies read as OAuth ones. */
  static FeishuAccountsApi accounts(FeishuSettings settings, FeishuMetrics metrics) {
    return build(
        FeishuAccountsApi.class,
        settings,
        metrics,
        settings.accountsBaseUrl(),
        new OAuthReplyDecoder());
  }

  private static <T> T build(
      Class<T> api, FeishuSettings settings, FeishuMetrics metrics, URI target, Decoder decoder) {
    HttpClient http =
        SHARED.computeIfAbsent(settings.connectTimeout(), FeishuClients::newHttpClient);
    return Feign.builder()
        // REL-01: one deadline for headers and body, and a cap on the body.
        .client(metrics.timed(new BoundedClient(http, BoundedClient.MAX_BODY)))
        // REL-01: Feign's defaults are 10 s connect / 60 s read.
        .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
        .encoder(new JacksonEncoder(FeishuReplies.MAPPER))
        .decoder(decoder)
        .errorDecoder(new FeishuErrorDecoder())
        // Feign's default retryer replays every IOException, single-use codes included (REL-02).
        .retryer(Retryer.NEVER_RETRY)
        .logger(new Slf4jLogger(api))
        // BASIC = method, URL, status, time. HEADERS or FULL would print bearer tokens, codes
        // and the app secret (SEC-25), so this is not configurable.
        .logLevel(Logger.Level.BASIC)
        .target(api, target.toString());
  }

  /**
   * HTTP/1.1, no redirect followed, and the client's own tasks run where they are raised (a direct
   * executor): they are short and never block, reading an answer of a few KB into {@link
   * BoundedClient}'s capped body, so the selector thread that sees the answer arrive completes the
   * call itself. A pool of platform threads (the default) grew past a hundred under a burst of
   * logins; a virtual thread per task added two hand-offs per call, each a wake-up of an idle CPU
   * (bin/bench logins, unloaded: 2.08 ms of HTTP exchange per call with per-API clients and a
   * virtual thread per task, 1.57 ms shared and direct).
   */
  private static HttpClient newHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Runnable::run)
        .build();
  }
}
