package dev.miandeng.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP over loopback against a started simulator. */
final class SimHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** An answer: status, headers and the body (parsed as JSON when it is JSON). */
  record Answer(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return MAPPER.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String body() {
      return raw.body();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final String baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  SimHttp(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer post(String path, Object body) {
    return post(path, body, null);
  }

  Answer post(String path, Object body, String bearer) {
    return send(json(path, bearer).POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer put(String path, Object body) {
    return send(json(path, null).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  Answer get(String path) {
    return get(path, null);
  }

  Answer get(String path, String bearer) {
    return send(json(path, bearer).GET());
  }

  Answer postForm(String path, Map<String, String> form) {
    String encoded =
        form.entrySet().stream()
            .map(
                e ->
                    java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .reduce((a, b) -> a + "&" + b)
            .orElse("");
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded)));
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder json(String path, String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8");
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    return builder;
  }

  private static String write(Object body) {
    if (body instanceof String text) {
      return text;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
