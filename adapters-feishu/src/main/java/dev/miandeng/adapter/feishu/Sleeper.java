package dev.miandeng.adapter.feishu;

import java.time.Duration;

/** How a retry waits; tests record the waits instead of sleeping through them. */
@FunctionalInterface
interface Sleeper {

  Sleeper THREAD = Thread::sleep;

  void sleep(Duration duration) throws InterruptedException;
}
