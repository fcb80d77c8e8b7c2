package dev.miandeng.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark reads other tools' output; these pin how. */
class ParsersTest {

  @Test
  @DisplayName("a jcmd class histogram gives its total and the bytes per class")
  void histogram() {
    String out =
        """
        12345:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:         10000        2000000  [B (java.base@25.0.3)
           2:          5000         120000  java.lang.String (java.base@25.0.3)
        Total         15000        2120000
        """;

    HeapHistogram histogram = HeapHistogram.parse(out);

    assertThat(histogram.totalBytes()).isEqualTo(2_120_000);
    assertThat(histogram.largest(1).getFirst().getKey()).isEqualTo("[B");
    HeapHistogram before =
        HeapHistogram.parse(out.replace("2000000", "1000000").replace("2120000", "1120000"));
    assertThat(histogram.grownSince(before, 1).getFirst().getValue()).isEqualTo(1_000_000);
    assertThatThrownBy(() -> HeapHistogram.parse("garbage"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName(
      "the app's access log gives each request's server time by request id, and its own time"
          + " without the waits on Feishu")
  void accessLogTimes() {
    String log =
        """
        23:52:53.046 INFO  [] dev.miandeng.app.Main - miandeng listening on http://127.0.0.1:8080
        23:52:53.046 INFO  [] access - 127.0.0.1 "POST /api/session HTTP/1.1" 200 1043 204127us upstream=201950us 3q2-7wEMx1fZ0a9R
        23:52:53.047 INFO  [] access - 127.0.0.1 "POST /api/login/nonce HTTP/1.1" 200 512 88us upstream=0us TxvOZWj686K_zmS-
        """;

    AccessLogTimes times = AccessLogTimes.parse(log);

    assertThat(times.nanos("3q2-7wEMx1fZ0a9R")).isEqualTo(204_127_000);
    assertThat(times.ownNanos("3q2-7wEMx1fZ0a9R")).isEqualTo(2_177_000);
    assertThat(times.nanos("TxvOZWj686K_zmS-")).isEqualTo(88_000);
    assertThat(times.ownNanos("TxvOZWj686K_zmS-")).isEqualTo(88_000);
    assertThat(times.nanos("missing")).isEqualTo(-1);
    assertThat(times.ownNanos("missing")).isEqualTo(-1);
  }

  @Test
  @DisplayName("the SQL-counting agent's report gives the total and the statements of a window")
  void sqlCounts() {
    SqlCounts before = SqlCounts.parse("3\ttotal\n1\tselect a\n2\tselect b\n");
    SqlCounts after = SqlCounts.parse("7\ttotal\n1\tselect a\n5\tselect b\n1\tinsert c\n");

    SqlCounts window = after.minus(before);

    assertThat(window.total()).isEqualTo(4);
    assertThat(window.bySql()).containsOnly(entry("select b", 3L), entry("insert c", 1L));
    assertThat(SqlCounts.NONE.minus(before)).isSameAs(SqlCounts.NONE);
  }

  @Test
  @DisplayName("the wrk script's summary line gives requests, errors and percentiles")
  void wrkLine() {
    Wrk.WrkResult result = Wrk.WrkResult.parse("WRK_RESULT 30000 3000000 1 2 3 4 5 1500 9000");

    assertThat(result.requests()).isEqualTo(30_000);
    assertThat(result.requestsPerSecond()).isEqualTo(10_000.0);
    assertThat(result.socketErrors()).isEqualTo(1 + 2 + 3 + 5);
    assertThat(result.non2xx()).isEqualTo(4);
    assertThat(result.p50Micros()).isEqualTo(1500);
    assertThat(result.p99Micros()).isEqualTo(9000);
  }

  @Test
  @DisplayName("durations are wrk's words; medians and nearest-rank percentiles")
  void durationsAndStats() {
    assertThat(Wrk.checkDuration("15s")).isEqualTo("15s");
    assertThatThrownBy(() -> Wrk.checkDuration("15")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Stats.median(List.of(3, 1, 2))).isEqualTo(2.0);
    assertThat(Stats.median(List.of(4, 1, 2, 3))).isEqualTo(2.5);
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i;
    }
    assertThat(Stats.percentile(hundred, 50)).isEqualTo(50);
    assertThat(Stats.percentile(hundred, 99)).isEqualTo(99);
  }

  @Test
  @DisplayName("a JSON thread dump is sorted by what each thread waits for")
  void threadCensus() {
    String dump =
        """
        {"threadDump": {"threadContainers": [
          {"container": "<root>", "threads": [
            {"tid": "1", "name": "", "virtual": true, "state": "WAITING", "stack": [
              "java.base/jdk.internal.misc.Unsafe.park(Native Method)",
              "com.zaxxer.hikari.util.ConcurrentBag.borrow(ConcurrentBag.java:1)"]},
            {"tid": "2", "name": "", "virtual": true, "state": "WAITING", "stack": [
              "java.base/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:1)"]},
            {"tid": "3", "name": "HttpClient-1-Worker-0", "state": "TIMED_WAITING", "stack": [
              "java.base/java.util.concurrent.SynchronousQueue.poll(SynchronousQueue.java:1)"]},
            {"tid": "4", "name": "", "virtual": true, "state": "TIMED_WAITING", "stack": [
              "java.base/java.util.concurrent.CompletableFuture.get(CompletableFuture.java:1)",
              "dev.miandeng.adapter.feishu.BoundedClient.execute(BoundedClient.java:1)",
              "dev.miandeng.adapter.feishu.RefreshingToken.use(RefreshingToken.java:1)"]},
            {"tid": "5", "name": "", "virtual": true, "state": "RUNNABLE", "stack": [
              "java.base/java.lang.VirtualThread.parkNanos(VirtualThread.java:1)",
              "dev.miandeng.adapter.feishu.BoundedClient.execute(BoundedClient.java:1)"]},
            {"tid": "6", "name": "", "virtual": true, "state": "RUNNABLE", "carrier": "20",
              "stack": ["dev.miandeng.adapter.feishu.BoundedClient.execute(BoundedClient.java:1)"]},
            {"tid": "7", "name": "", "virtual": true, "state": "BLOCKED",
              "blockedOn": "sun.security.provider.SecureRandom@220c9d03", "stack": [
              "java.base/sun.security.provider.SecureRandom.engineNextBytes(SecureRandom.java:1)"]}
          ]}]}}
        """;

    ThreadDumpCensus census = ThreadDumpCensus.of(Json.read(dump));

    assertThat(census.virtualThreads()).isEqualTo(6);
    assertThat(census.platformThreads()).isEqualTo(1);
    assertThat(census.counts())
        .containsEntry("queued for a HikariCP connection", 1)
        .containsEntry("waiting on the auth center (JDK HttpClient under Feign)", 3)
        .containsEntry("JDK HttpClient's own threads (selector, executor workers)", 1)
        .containsEntry(ThreadDumpCensus.READY, 1)
        .containsEntry("blocked entering a synchronized block (monitors below)", 1);
    assertThat(census.blockedOn())
        .containsOnlyKeys(
            "sun.security.provider.SecureRandom in"
                + " java.base/sun.security.provider.SecureRandom.engineNextBytes(SecureRandom.java:1)");
  }
}
