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
import java.util.concurrent.Executors;

/**
 * Builds the Feign clients: the one place where timeouts, codecs, retries, logging and metrics are
 * set.
 */
final class FeishuClients {

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
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // The default executor is a cached pool of platform threads: under a burst of logins it
            // grew past a hundred threads competing with the virtual threads' carriers for the
            // CPUs.
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
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
}
