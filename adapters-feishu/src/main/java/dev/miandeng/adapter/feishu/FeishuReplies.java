package dev.miandeng.adapter.feishu;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reading Feishu's answers, shared by the success and error decoders: the body's {@code code}
 * decides success whatever the HTTP status (facts page section 3).
 */
final class FeishuReplies {

  static final String RATE_LIMIT_RESET = "x-ogw-ratelimit-reset";

  /**
   * Jackson's default buffer pool is per thread, and a Feishu call runs on its request's virtual
   * thread, new for every request: a shared pool hands the same few buffers round instead of fresh
   * 8 KB ones per call (as adapters-web's {@code Json} does for the answers).
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                  .build())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private FeishuReplies() {}

  /**
   * The body as JSON, or empty when there is none or it is not JSON. Its size is already bounded by
   * {@link BoundedClient}.
   */
  static Optional<JsonNode> readJson(Response response) throws IOException {
    if (response.body() == null) {
      return Optional.empty();
    }
    // Parsed from the stream: copying the body out first (feign's Util.toByteArray) took an 8 KB
    // buffer per call. An empty body reads as a missing node, which is not an object.
    try (InputStream in = response.body().asInputStream()) {
      JsonNode node = MAPPER.readTree(in);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  /** The failure a body (or its absence) describes, for an HTTP error or a {@code code != 0}. */
  static FeishuApiFailure failure(Response response, Optional<JsonNode> body) {
    OptionalInt code =
        body.map(node -> node.get("code"))
            .filter(JsonNode::isIntegralNumber)
            .map(node -> OptionalInt.of(node.asInt()))
            .orElse(OptionalInt.empty());
    String msg = body.map(node -> text(node, "msg", "error_description")).orElse("");
    String error = body.map(node -> text(node, "error")).orElse("");
    return new FeishuApiFailure(
        response.status(),
        code,
        msg,
        error,
        retryAfter(response.headers()),
        body.map(FeishuReplies::permissionViolations).orElse(Set.of()));
  }

  /** {@code error.permission_violations[].subject}, the scopes a 99991679 names. */
  private static Set<String> permissionViolations(JsonNode body) {
    Set<String> subjects = new LinkedHashSet<>();
    JsonNode error = body.get("error");
    JsonNode violations = error == null ? null : error.get("permission_violations");
    if (violations != null && violations.isArray()) {
      for (JsonNode violation : violations) {
        JsonNode subject = violation.get("subject");
        if (subject != null && subject.isTextual() && !subject.asText().isBlank()) {
          subjects.add(subject.asText());
        }
      }
    }
    return subjects;
  }

  private static String text(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.get(field);
      if (value != null && value.isTextual() && !value.asText().isEmpty()) {
        return value.asText();
      }
    }
    return "";
  }

  private static Optional<Duration> retryAfter(Map<String, Collection<String>> headers) {
    return headers.entrySet().stream()
        .filter(entry -> RATE_LIMIT_RESET.equalsIgnoreCase(entry.getKey()))
        .flatMap(entry -> entry.getValue().stream())
        .findFirst()
        .flatMap(FeishuReplies::seconds);
  }

  private static Optional<Duration> seconds(String value) {
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException garbage) {
      return Optional.empty();
    }
  }
}
