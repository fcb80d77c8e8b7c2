package dev.miandeng.app.instances;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser as the test plays it: its cookies (kept by name, as a browser keeps them for one host
 * whatever the port) and the origin it believes it talks to — the load balancer's — while each
 * request goes to the instance the test names, as a round-robin balancer would send it.
 */
final class Client {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  private final String origin;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Client(String origin) {
    this.origin = origin;
  }

  HttpResponse<String> get(URI instance, String path) throws IOException, InterruptedException {
    return send(instance, path, HttpRequest.newBuilder().GET());
  }

  /** A state-changing call as the page makes it: JSON, the custom header, the Origin. */
  HttpResponse<String> post(URI instance, String path, String json)
      throws IOException, InterruptedException {
    return send(
        instance,
        path,
        HttpRequest.newBuilder()
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json")
            .header("X-Requested-With", "miandeng")
            .header("Origin", origin));
  }

  /** Sets a cookie by hand: a cookie copied from elsewhere, replayed. */
  Client withCookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  private HttpResponse<String> send(URI instance, String path, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    request.uri(instance.resolve(path)).timeout(Duration.ofSeconds(20));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(c -> c.getKey() + "=" + c.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher m = SET_COOKIE.matcher(header);
      if (m.find()) {
        if (m.group(2).isEmpty() || header.contains("Max-Age=0")) {
          cookies.remove(m.group(1));
        } else {
          cookies.put(m.group(1), m.group(2));
        }
      }
    }
    return response;
  }
}
