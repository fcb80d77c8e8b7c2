package dev.miandeng.adapter.feishu;

import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Feishu adapter counts, in the {@link MeterRegistry} the composition root gives it. Every
 * label value comes from a closed set, so the number of series stays bounded whatever Feishu
 * answers:
 *
 * <ul>
 *   <li>{@code miandeng.feishu.calls} (timer, Prometheus {@code miandeng_feishu_calls_seconds}):
 *       every HTTP call to the auth center, timed around {@link BoundedClient}, the one client all
 *       calls go through, with {@code endpoint} (the Feign method in snake_case: {@code
 *       app_access_token}, {@code exchange_code}, {@code user_info}, …), {@code status} (the HTTP
 *       status class {@code 2xx}…{@code 5xx}, or {@code timeout}, {@code too_large}, {@code
 *       io_error} when no complete answer came) and {@code code} (Feishu's body code when {@link
 *       FeishuErrorTable} lists it or it is {@code 0}, {@code other} for an unknown one, {@code
 *       none} without a Feishu body). A retried call counts once per try.
 *   <li>{@code miandeng.feishu.token.fetches} (counter): each fetch of an app-level credential by
 *       {@link RefreshingToken}, with {@code token} ({@code app_access_token}, {@code
 *       tenant_access_token}, {@code jsapi_ticket}), {@code kind} ({@code fetch}: there was no
 *       usable one; {@code refresh}: the old one still worked, REL-05) and {@code outcome} ({@code
 *       success}, {@code failure}). Cached uses are not counted: they cost nothing.
 *   <li>{@code miandeng.feishu.token.evictions} (counter): a cached credential Feishu rejected as
 *       stale (REL-07), by {@code token}.
 * </ul>
 */
public final class FeishuMetrics {

  /** Latency buckets of the call timer: Feishu answers in tens of ms, the read timeout is 5 s. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  /**
   * @param registry where the meters live; the composition root's Prometheus registry
   */
  public FeishuMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Counts into a registry of its own, which nobody reads: for tests and the setup doctor. */
  static FeishuMetrics none() {
    return new FeishuMetrics(new SimpleMeterRegistry());
  }

  /**
   * {@code client}, with each call timed and labelled, and its time added to the request's time
   * waiting on Feishu that the access log writes ({@link UpstreamTime}).
   */
  Client timed(Client client) {
    Objects.requireNonNull(client, "client");
    return (request, options) -> {
      Timer.Sample sample = Timer.start(registry);
      String endpoint = endpoint(request);
      Response response;
      try {
        response = client.execute(request, options);
      } catch (IOException failure) {
        UpstreamTime.add(sample.stop(callTimer(endpoint, failureKind(failure), "none")));
        throw failure;
      }
      UpstreamTime.add(
          sample.stop(callTimer(endpoint, response.status() / 100 + "xx", code(response))));
      return response;
    };
  }

  void tokenFetched(String token, boolean refresh, boolean success) {
    Counter.builder("miandeng.feishu.token.fetches")
        .description("Fetches of an app-level Feishu credential (REL-04, REL-05)")
        .tag("token", token)
        .tag("kind", refresh ? "refresh" : "fetch")
        .tag("outcome", success ? "success" : "failure")
        .register(registry)
        .increment();
  }

  void tokenEvicted(String token) {
    Counter.builder("miandeng.feishu.token.evictions")
        .description("Cached Feishu credentials rejected as stale and dropped (REL-07)")
        .tag("token", token)
        .register(registry)
        .increment();
  }

  private Timer callTimer(String endpoint, String status, String code) {
    return Timer.builder("miandeng.feishu.calls")
        .description("HTTP calls to the Feishu auth center, one per try")
        .tag("endpoint", endpoint)
        .tag("status", status)
        .tag("code", code)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** The Feign method's name in snake_case: a closed set, the two API interfaces' methods. */
  private static String endpoint(Request request) {
    return Optional.ofNullable(request.requestTemplate())
        .map(RequestTemplate::methodMetadata)
        .map(MethodMetadata::method)
        .map(
            method ->
                method.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT))
        .orElse("other");
  }

  private static String failureKind(IOException failure) {
    return switch (failure) {
      case HttpTimeoutException timeout -> "timeout";
      case BoundedClient.ReplyTooLargeException tooLarge -> "too_large";
      default -> "io_error";
    };
  }

  /** Feishu's code when it is a known one, so a garbage body cannot mint new series. */
  private static String code(Response response) {
    try {
      return FeishuReplies.readJson(response)
          .map(body -> body.get("code"))
          .filter(code -> code.isIntegralNumber())
          .map(code -> code.asInt())
          .map(
              code -> code == 0 || FeishuErrorTable.ruleFor(code).isPresent() ? "" + code : "other")
          .orElse("none");
    } catch (IOException unreadable) {
      return "none";
    }
  }
}
