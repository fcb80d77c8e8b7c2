package dev.miandeng.adapter.feishu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving auth center on 127.0.0.1 and a random port, speaking raw sockets so it can do what
 * no well-behaved HTTP server does (REL-01, REL-02): never answer, hang up before answering, send
 * headers and then stall, or send an endless body.
 */
final class RawServer implements AutoCloseable {

  enum Behaviour {
    /** Accepts and never answers. */
    SILENT,
    /** Reads the request, then closes the connection without a byte of answer. */
    HANG_UP,
    /** Sends the status line and headers of a 200, then nothing more. */
    HEADERS_THEN_STALL,
    /** Sends a 200 announcing a 10 GB body and streams it for as long as it is read. */
    ENDLESS_BODY
  }

  private final Behaviour behaviour;
  private final ServerSocket socket;
  private final AtomicInteger accepted = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  RawServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptForever, "raw-server-" + behaviour);
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
        Socket client = socket.accept();
        open.add(client);
        accepted.incrementAndGet();
        Thread handler = new Thread(() -> serve(client), "raw-server-connection");
        handler.setDaemon(true);
        handler.start();
      }
    } catch (IOException closed) {
      // close() ends the loop
    }
  }

  private void serve(Socket client) {
    try {
      switch (behaviour) {
        case SILENT -> {
          // hold the connection open until close()
        }
        case HANG_UP -> {
          readRequestHead(client.getInputStream());
          client.close();
        }
        case HEADERS_THEN_STALL -> {
          readRequestHead(client.getInputStream());
          write(client.getOutputStream(), "Content-Length: 100\r\n");
        }
        case ENDLESS_BODY -> {
          readRequestHead(client.getInputStream());
          OutputStream out = client.getOutputStream();
          write(out, "Content-Length: 10737418240\r\n");
          byte[] chunk = new byte[16 * 1024];
          Arrays.fill(chunk, (byte) ' ');
          while (!client.isClosed()) {
            out.write(chunk);
          }
        }
      }
    } catch (IOException clientGaveUp) {
      // the adapter closed the connection: what the test wants
    }
  }

  private static void write(OutputStream out, String lengthHeader) throws IOException {
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                + lengthHeader
                + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads up to the blank line that ends the request head (bodies here are small JSON). */
  private static void readRequestHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int next;
    while (matched < end.length && (next = in.read()) != -1) {
      matched = next == end[matched] ? matched + 1 : (next == '\r' ? 1 : 0);
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
