package dev.miandeng.adapter.feishu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Accepts connections on 127.0.0.1 and never answers: an auth center that hangs (REL-01). */
final class SilentServer implements AutoCloseable {

  private final ServerSocket socket;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  SilentServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptForever, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** Connections accepted so far, waiting (bounded) for the first one to be counted. */
  int connections() throws InterruptedException {
    for (int i = 0; i < 200 && accepted.get() == 0; i++) {
      Thread.sleep(25);
    }
    return accepted.get();
  }

  private void acceptForever() {
    try {
      while (!socket.isClosed()) {
        open.add(socket.accept());
        accepted.incrementAndGet();
      }
    } catch (IOException closed) {
      // close() ends the loop
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket client : open) {
      client.close();
    }
  }
}
