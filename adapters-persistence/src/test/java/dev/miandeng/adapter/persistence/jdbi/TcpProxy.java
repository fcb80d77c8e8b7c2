package dev.miandeng.adapter.persistence.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy a test controls, to take a database away and give it back: {@link #cut()}
 * closes every open connection and turns new ones away at once; {@link #restore()} forwards again.
 */
final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  TcpProxy(InetSocketAddress upstream) throws IOException {
    this.upstream = upstream;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("tcp-proxy-accept").start(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  void cut() {
    cut = true;
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  void restore() {
    cut = false;
  }

  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket();
        server.connect(upstream, 2_000);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // The listener was closed, or the upstream refused: the client sees its socket closed.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // One side closed: close both below.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
