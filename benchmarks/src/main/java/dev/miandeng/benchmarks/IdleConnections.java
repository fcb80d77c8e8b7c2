package dev.miandeng.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Browsers between two requests: connections to the app that each made {@value #REQUESTS_EACH}
 * {@code GET /api/me} with a browser's headers and a session cookie (a 401 for a cookie of no
 * session is as good: the headers are what the server keeps), read the whole answers and stay open,
 * kept alive as a browser keeps them. What the app holds for each is what a crowd of idle users
 * costs it.
 */
final class IdleConnections implements AutoCloseable {

  /**
   * Requests per connection before it idles: a page's few. Jetty prepares a connection's header
   * field cache from its first request and builds it on the second.
   */
  static final int REQUESTS_EACH = 2;

  private final List<Socket> sockets;

  private IdleConnections(List<Socket> sockets) {
    this.sockets = sockets;
  }

  /** Opens {@code n} connections to {@code app}, one after the other. */
  static IdleConnections open(URI app, int n, String sessionToken) {
    byte[] request =
        ("GET /api/me HTTP/1.1\r\n"
                + "Host: "
                + app.getAuthority()
                + "\r\n"
                + "User-Agent: Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like"
                + " Gecko) Chrome/128.0 Mobile Safari/537.36 Lark/7.30.0\r\n"
                + "Accept: application/json\r\n"
                + "Accept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\n"
                + "Accept-Encoding: gzip, deflate, br\r\n"
                + "Cookie: "
                + PageLogin.SESSION_COOKIE
                + "="
                + sessionToken
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    List<Socket> sockets = new ArrayList<>(n);
    IdleConnections idle = new IdleConnections(sockets);
    try {
      for (int i = 0; i < n; i++) {
        Socket socket = new Socket(app.getHost(), app.getPort());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        for (int r = 0; r < REQUESTS_EACH; r++) {
          out.write(request);
          out.flush();
          int status = readAnswer(socket.getInputStream());
          if (status >= 500) {
            throw new IllegalStateException("GET /api/me on an idle connection answered " + status);
          }
        }
      }
    } catch (IOException e) {
      idle.close();
      throw new UncheckedIOException("cannot open the idle connections", e);
    } catch (RuntimeException e) {
      idle.close();
      throw e;
    }
    return idle;
  }

  int size() {
    return sockets.size();
  }

  /** Reads one answer with a {@code Content-Length} body; returns its status. */
  private static int readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the app closed the connection mid-answer");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    in.readNBytes(length);
    return Integer.parseInt(text.substring(9, 12));
  }

  @Override
  public void close() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket the app may have closed first: nothing left to release.
      }
    }
  }
}
