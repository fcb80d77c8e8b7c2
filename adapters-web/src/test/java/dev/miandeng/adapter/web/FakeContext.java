package dev.miandeng.adapter.web;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;

/**
 * A Javalin {@link Context} over a hand-made request, so the fuzz tests can call the parsers
 * millions of times without a server. It answers only what the parsers read (method, URI, Cookie
 * headers, body, declared length); anything else fails loudly, so a parser that starts reading more
 * of the request shows up here instead of passing by accident.
 */
final class FakeContext {

  private FakeContext() {}

  static Context of(
      String method, String uri, List<String> cookieHeaders, byte[] body, long declaredLength) {
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                FakeContext.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) ->
                    switch (m.getName()) {
                      case "getMethod" -> method;
                      case "getRequestURI" -> uri;
                      case "getHeaders" ->
                          "Cookie".equalsIgnoreCase((String) args[0])
                              ? Collections.enumeration(cookieHeaders)
                              : Collections.emptyEnumeration();
                      case "getContentLengthLong" -> declaredLength;
                      case "getInputStream" -> new BodyStream(body);
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    Context[] context = new Context[1];
    context[0] =
        (Context)
            Proxy.newProxyInstance(
                FakeContext.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, m, args) ->
                    switch (m.getName()) {
                      case "req" -> request;
                      case "header" -> context[0];
                      default -> throw new UnsupportedOperationException(m.getName());
                    });
    return context[0];
  }

  static Context withCookies(List<String> cookieHeaders) {
    return of("GET", "/", cookieHeaders, new byte[0], 0);
  }

  /** A body sent chunked when {@code chunked}, so only the reading cap can stop it. */
  static Context withBody(byte[] body, boolean chunked) {
    return of("POST", "/api/login", List.of(), body, chunked ? -1 : body.length);
  }

  static Context withPath(String method, String uri) {
    return of(method, uri, List.of(), new byte[0], 0);
  }

  private static final class BodyStream extends ServletInputStream {

    private final ByteArrayInputStream in;

    BodyStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("blocking reads only");
    }
  }
}
