package dev.miandeng.adapter.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser stand-in: keeps cookies by hand (so Secure cookies over plain http in tests are kept
 * and every Set-Cookie is visible), sends what the page sends, and never follows redirects.
 */
final class Browser {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern NONCE = Pattern.compile("\"nonce\":\"([A-Za-z0-9_-]{43})\"");

  private final TestApp app;
  final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(TestApp app) {
    this.app = app;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  /** A POST as the page makes it: same origin, custom header, JSON. */
  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder builder =
        request(path)
            .header("Origin", TestApp.PUBLIC_URL)
            .header("X-Requested-With", "miandeng")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (json.length() > WebSettings.MAX_REQUEST_BODY_BYTES) {
      // The server refuses an oversize body without reading it and closes the connection; a client
      // still sending it could see the close (a reset) before the 413. Waiting for 100 Continue, as
      // clients do for large bodies, lets the 413 arrive first.
      builder.expectContinue(true);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /** A POST with exactly the headers given, nothing added. */
  HttpResponse<String> rawPost(String path, String body, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> send(String method, String path, String... headers) {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  String nonce() {
    HttpResponse<String> response = post("/api/login/nonce", "{}");
    Matcher m = NONCE.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new AssertionError("no nonce: " + response.statusCode() + " " + response.body());
    }
    return m.group(1);
  }

  HttpResponse<String> logInWithCode(String code) {
    String nonce = nonce();
    return post("/api/session", "{\"code\":\"" + code + "\",\"nonce\":\"" + nonce + "\"}");
  }

  HttpResponse<String> logInAsAlice() {
    HttpResponse<String> response = logInWithCode(app.clientCodeForAlice());
    if (response.statusCode() != 200) {
      throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
    }
    return response;
  }

  /** The name of the nonce cookie of the login with this nonce (plain http). */
  static String nonceCookie(String nonce) {
    return "mdl_nonce_" + nonce.substring(0, AppCookies.TAG_LENGTH);
  }

  /** The name of the state cookie of the browser login with this state (plain http). */
  static String stateCookie(String state) {
    return "mdl_state_" + state.substring(0, AppCookies.TAG_LENGTH);
  }

  /** The value of the first Set-Cookie of this name, failing when there is none. */
  static String setCookie(HttpResponse<String> response, String namePrefix) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(namePrefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Set-Cookie " + namePrefix + "…"));
  }

  String sessionCookie() {
    return cookies.get(app.settings.secureCookies() ? "__Host-mdl_session" : "mdl_session");
  }

  /** host:port of the server; an IPv6 bind address goes in brackets (RFC 3986 §3.2.2). */
  private String authority() {
    String host = app.settings.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port;
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://" + authority() + path));
    if (!cookies.isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      cookies.forEach(
          (k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      builder.header("Cookie", cookie.toString());
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      remember(response.headers().allValues("Set-Cookie"));
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void remember(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
