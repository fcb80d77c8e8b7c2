package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Liveness says the process answers; readiness says it should get traffic: the readiness check (the
 * store answers, REL-08) holds and no stop has begun (REL-10).
 */
final class Health {

  private final BooleanSupplier readiness;
  private volatile boolean draining;

  Health(BooleanSupplier readiness) {
    this.readiness = Objects.requireNonNull(readiness, "readiness");
  }

  void live(Context ctx) {
    Json.answer(ctx, Map.of("status", "UP"));
  }

  void ready(Context ctx) {
    boolean ready = !draining && isReady();
    ctx.status(ready ? 200 : 503);
    Json.answer(ctx, Map.of("status", ready ? "UP" : "DOWN"));
  }

  void startDraining() {
    draining = true;
  }

  private boolean isReady() {
    try {
      return readiness.getAsBoolean();
    } catch (RuntimeException e) {
      // A check that blows up is a check that failed; readiness must never answer 500.
      return false;
    }
  }
}
