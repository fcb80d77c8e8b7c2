package dev.miandeng.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks a free port for "port 0". The web adapter must know its public URL (Origin checks, the
 * redirect URI) before it binds, so the port is chosen first; the window in which another process
 * could take it is a few milliseconds on a loopback demo or test.
 */
public final class FreePort {

  private FreePort() {}

  public static int find(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}
