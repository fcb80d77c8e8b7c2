package dev.miandeng.benchmarks;

import java.io.IOException;

/**
 * The accept-queue length (backlog) of a listening TCP port, as {@code ss -ltn} shows it in its
 * Send-Q column (ss(8)). When more connections arrive at once than this queue holds, Linux drops
 * the surplus and the clients retry about a second later.
 */
final class ListenQueue {

  private ListenQueue() {}

  /** The backlog of the socket listening on {@code port}, or -1 when ss cannot tell. */
  static int backlog(int port) {
    try {
      Process ss = new ProcessBuilder("ss", "-Hltn", "sport = :" + port).start();
      String out = new String(ss.getInputStream().readAllBytes()).trim();
      if (ss.waitFor() != 0 || out.isEmpty()) {
        return -1;
      }
      return Integer.parseInt(out.lines().findFirst().orElseThrow().trim().split("\\s+")[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
