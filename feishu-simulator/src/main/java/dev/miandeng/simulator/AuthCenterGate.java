package dev.miandeng.simulator;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands in front of every auth-center endpoint: counts the call, reads the request, applies the
 * latency, answers 503 while the auth center is down and plays injected failures; only then the
 * real handler runs.
 */
final class AuthCenterGate {
  private final CallCounters counters;
  private final NetworkConditions conditions;
  private final FailureInjector failures;
  private final LegacyErrorShape legacyShape;

  AuthCenterGate(
      CallCounters counters,
      NetworkConditions conditions,
      FailureInjector failures,
      LegacyErrorShape legacyShape) {
    this.counters = counters;
    this.conditions = conditions;
    this.failures = failures;
    this.legacyShape = legacyShape;
  }

  Handler guard(SimulatedEndpoint endpoint, Handler handler) {
    return ctx -> {
      counters.increment(endpoint);
      // Read the request whole before any answer, as a gateway does: a connection closed with
      // request bytes still unread is reset, and the reset throws away answer bytes the client has
      // not read yet (seen as a 1 MB oversize answer cut short under load).
      ctx.bodyAsBytes();
      if (legacyShape.on()) {
        ctx.attribute(LegacyErrorShape.ATTRIBUTE, true);
      }
      pause(conditions.latency());
      if (conditions.down()) {
        AuthCenterErrors.send(ctx, endpoint, 503, ErrorCatalog.TEMPORARILY_UNAVAILABLE);
        return;
      }
      Optional<InjectedFailure> failure = failures.take(endpoint);
      if (failure.isPresent()) {
        play(ctx, endpoint, failure.get());
        return;
      }
      handler.handle(ctx);
    };
  }

  private static void play(Context ctx, SimulatedEndpoint endpoint, InjectedFailure failure)
      throws InterruptedException {
    if (failure.retryAfterSeconds() != null) {
      ctx.header(
          AuthCenterErrors.RATE_LIMIT_RESET_HEADER, String.valueOf(failure.retryAfterSeconds()));
    }
    switch (failure.behaviour()) {
      case DROP -> ConnectionDropper.drop(ctx);
      case ANSWER ->
          AuthCenterErrors.send(ctx, endpoint, failure.httpStatus(), failure.code(), failure.msg());
      case BARE_STATUS -> MisbehavingReplies.bareStatus(ctx, failure.httpStatus());
      case STALL_AFTER_HEADERS ->
          MisbehavingReplies.stallAfterHeaders(ctx, Duration.ofMillis(failure.amount()));
      case OVERSIZE_BODY -> MisbehavingReplies.oversizeBody(ctx, failure.amount());
    }
  }

  private static void pause(Duration latency) throws InterruptedException {
    if (!latency.isZero()) {
      Thread.sleep(latency);
    }
  }
}
