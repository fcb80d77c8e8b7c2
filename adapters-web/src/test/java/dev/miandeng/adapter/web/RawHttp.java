package dev.miandeng.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes exactly as written, for what java.net.http would fix or refuse (paths, chunks). */
final class RawHttp {

  private RawHttp() {}

  /** Sends the request (which should say Connection: close) and returns the whole answer. */
  static String exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  static String get(int port, String rawPath, String... extraHeaderLines) {
    StringBuilder request =
        new StringBuilder("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String line : extraHeaderLines) {
      request.append(line).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return exchange(port, request.toString());
  }
}
