package dev.miandeng.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The small JSON bodies the drivers send and read. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + body, e);
    }
  }

  /** A top-level field as text (objects as their JSON); fails naming the body when absent. */
  static String field(String body, String name) {
    JsonNode value = read(body).get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("no " + name + " in " + body);
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
