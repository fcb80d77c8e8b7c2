package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.fixtures.MutableClock;
import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthorizationCode;
import dev.miandeng.domain.identity.CodeGrant;
import dev.miandeng.simulator.CodeKind;
import dev.miandeng.simulator.FeishuSimulator;
import dev.miandeng.simulator.InjectedFailure;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatorSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The Feishu adapter's meters, against a started simulator (OIDC: the app token is used). */
class FeishuMetricsTest {

  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final FeishuSimulator sim = FeishuSimulator.start(SimulatorSettings.defaults());

  @AfterEach
  void stop() {
    sim.close();
  }

  private FeishuIdentityLookup lookup() {
    URI base = URI.create(sim.baseUrl());
    FeishuSettings settings =
        FeishuSettings.of(sim.appId(), sim.appSecret(), "http://127.0.0.1/callback")
            .withHosts(base, base)
            .withExchange(ExchangeFlavour.OIDC);
    return FeishuIdentityLookup.create(settings, Clock.systemUTC(), meters);
  }

  private CodeGrant.FromClient code() {
    String openId = sim.roster().getFirst().openId();
    return new CodeGrant.FromClient(
        new AuthorizationCode(sim.control().issueCode(openId, CodeKind.REQUEST_ACCESS)));
  }

  private long calls(String endpoint, String status, String code) {
    Timer timer =
        meters
            .find("miandeng.feishu.calls")
            .tags("endpoint", endpoint, "status", status, "code", code)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  private double counted(String name, String... tags) {
    Counter counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  @DisplayName(
      "each call's time is added to the request's time waiting on Feishu in the logging context,"
          + " which the access log writes as upstream=…us")
  void upstreamTimeInTheLoggingContext() {
    FeishuIdentityLookup lookup = lookup();
    sim.control().latency(Duration.ofMillis(40));
    // What the web adapter does when a request begins.
    MDC.put(UpstreamTime.MDC_KEY, "0");
    try {
      long start = System.nanoTime();
      lookup.identify(code());
      long wall = System.nanoTime() - start;

      long upstream = Long.parseLong(MDC.get(UpstreamTime.MDC_KEY));
      double timed = timedMicros();
      // Three calls (app token, code exchange, user_info), each at least the simulator's 40 ms.
      assertThat(upstream).isBetween(3 * 40_000L, wall / 1_000);
      // The same times the call timer holds, each cut to whole microseconds.
      assertThat((double) upstream).isBetween(timed - 3, timed);
    } finally {
      MDC.remove(UpstreamTime.MDC_KEY);
    }
  }

  @Test
  @DisplayName(
      "the pause before a retry is time waiting on Feishu too (upstream=), and a thread that is"
          + " not serving a request keeps no figure")
  void retryPauseIsUpstreamTime() {
    FeishuIdentityLookup lookup = lookup();
    lookup.identify(code()); // the app token is fetched; the next login makes two calls
    sim.control()
        .failNext(
            SimulatedEndpoint.USER_INFO,
            new InjectedFailure(1, 502, 0, null, null, InjectedFailure.Behaviour.BARE_STATUS, 0));
    double timedBefore = timedMicros();
    MDC.put(UpstreamTime.MDC_KEY, "0");
    try {
      lookup.identify(code());

      long upstream = Long.parseLong(MDC.get(UpstreamTime.MDC_KEY));
      // Three tries timed (exchange, user_info twice); beyond them, the backoff of at least half
      // the default initial one (full jitter over [100, 200] ms).
      assertThat(upstream - (timedMicros() - timedBefore))
          .isGreaterThanOrEqualTo(FeishuSettings.DEFAULT_INITIAL_BACKOFF.toNanos() / 2 / 1_000 - 3);
    } finally {
      MDC.remove(UpstreamTime.MDC_KEY);
    }

    lookup.identify(code());
    assertThat(MDC.get(UpstreamTime.MDC_KEY)).isNull();
  }

  private double timedMicros() {
    return meters.get("miandeng.feishu.calls").timers().stream()
        .mapToDouble(timer -> timer.totalTime(TimeUnit.MICROSECONDS))
        .sum();
  }

  @Test
  @DisplayName(
      "every call is timed by endpoint, status class and known code; unknown codes are 'other';"
          + " the app token's fetch and its eviction (REL-07) are counted")
  void callsAndTokens() {
    FeishuIdentityLookup lookup = lookup();
    lookup.identify(code());
    assertThat(calls("app_access_token", "2xx", "0")).isEqualTo(1);
    assertThat(calls("oidc_exchange_code", "2xx", "0")).isEqualTo(1);
    assertThat(calls("user_info", "2xx", "0")).isEqualTo(1);
    assertThat(
            counted("miandeng.feishu.token.fetches", "token", "app_access_token", "kind", "fetch"))
        .isEqualTo(1);

    sim.control().expireTokens();
    lookup.identify(code());
    // The v1 endpoint rejects a stale app token with code 20014 and HTTP 200: the code is counted.
    assertThat(calls("oidc_exchange_code", "2xx", "20014")).isEqualTo(1);
    assertThat(counted("miandeng.feishu.token.evictions", "token", "app_access_token"))
        .isEqualTo(1);
    assertThat(
            counted("miandeng.feishu.token.fetches", "token", "app_access_token", "kind", "fetch"))
        .isEqualTo(2);

    sim.control().failNext(SimulatedEndpoint.USER_INFO, 1, 400, 424242);
    assertThatThrownBy(() -> lookup.identify(code()))
        .isInstanceOf(AuthCenterMisconfiguredException.class);
    assertThat(calls("user_info", "4xx", "other")).isEqualTo(1);
    assertThat(meters.find("miandeng.feishu.calls").timers())
        .allSatisfy(t -> assertThat(t.getId().getTag("code")).matches("\\d+|other|none"));
  }

  @Test
  @DisplayName(
      "REL-05 a fetch while the old token still works is a refresh; a failed one, a failure")
  void refreshes() {
    MutableClock clock = new MutableClock();
    AtomicInteger fetches = new AtomicInteger();
    AtomicInteger failAt = new AtomicInteger(-1);
    RefreshingToken token =
        new RefreshingToken(
            "app_access_token",
            () -> {
              if (fetches.incrementAndGet() == failAt.get()) {
                throw new IllegalStateException("test: Feishu down");
              }
              return new RefreshingToken.Issued(
                  "t" + fetches.get(), clock.instant().plus(Duration.ofHours(2)));
            },
            clock,
            new FeishuMetrics(meters));
    token.get();
    clock.advance(Duration.ofMinutes(95));
    token.get();
    clock.advance(Duration.ofMinutes(95));
    failAt.set(3);
    token.get();

    String name = "miandeng.feishu.token.fetches";
    assertThat(counted(name, "kind", "fetch", "outcome", "success")).isEqualTo(1);
    assertThat(counted(name, "kind", "refresh", "outcome", "success")).isEqualTo(1);
    assertThat(counted(name, "kind", "refresh", "outcome", "failure")).isEqualTo(1);
  }
}
