package dev.miandeng.adapter.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads and writes the small JSON bodies of the API. Request bodies are read through a hard size
 * cap (SEC-28: never buffered past the limit, chunked or not) and checked by hand against the
 * fields a route knows, so unknown fields, wrong types and duplicates are a 400 with our own words,
 * never a parser message that names a class (SEC-29).
 */
final class Json {

  /**
   * Jackson's default buffer pool is per thread; requests run each on a new virtual thread, so
   * every answer allocated fresh 8 KB buffers. A shared pool hands the same few buffers round.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(16).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          // One JSON value and nothing after it (SEC-29): Jackson stops reading at the end of the
          // first value unless told to check the rest, so `{...} trailing` passed as `{...}`.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private final int maxBodyBytes;

  Json(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** One writer for every response: its serializers are found once per type, then reused. */
  private static final ObjectWriter WRITER = MAPPER.writer();

  /** The body as Javalin's result: for error answers alone, which a later error may replace. */
  static void write(Context ctx, Object value) {
    ctx.contentType(CONTENT_TYPE).result(bytes(value));
  }

  /**
   * The final answer of a route, written at once to the servlet's own stream with its length.
   * Javalin's {@link Context#result} instead copies the bytes through its compressing stream, which
   * checks the content type on every answer (compression is off here), with a new 8 KB buffer each
   * time (a sixth of a login's garbage). The route must call it last: the answer is complete and
   * committed when it returns, so later headers would be lost.
   */
  static void answer(Context ctx, Object value) {
    byte[] body = bytes(value);
    HttpServletResponse response = ctx.res();
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(body.length);
    try {
      response.getOutputStream().write(body);
    } catch (IOException e) {
      // The client went away mid-answer: nothing more can be said to it, and Jetty aborts the
      // exchange. Javalin treats a failed write of a result the same way, without an error page.
    }
  }

  private static byte[] bytes(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps and records of strings always serialise", e);
    }
  }

  /**
   * Refuses a declared length over the cap before anything is read (SEC-28).
   *
   * @return the declared length in bytes, within the cap, or -1 for none (a chunked body)
   */
  long checkDeclaredLength(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    return declared;
  }

  /**
   * The body as a JSON object holding only {@code allowed} fields, each a string. An empty body is
   * read as {@code {}} so a bodiless POST to a route without fields is fine.
   */
  JsonNode readObject(Context ctx, Set<String> allowed) {
    byte[] body = readCapped(ctx, checkDeclaredLength(ctx));
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw badRequest("The request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw badRequest("The request body must be a JSON object.");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw badRequest("Unknown field in the request body.");
      }
      if (!node.get(name).isTextual()) {
        throw badRequest("Every field of the request body must be a string.");
      }
    }
    return node;
  }

  static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw badRequest("The request body lacks the field " + field + ".");
    }
    return value.textValue();
  }

  /** The body, of {@code declared} bytes (within the cap) or, at -1, of at most the cap. */
  private byte[] readCapped(Context ctx, long declared) {
    // A declared length is read as such: readNBytes allocates buffers of up to 16 KB for what it
    // may read, which was a fifth of a login's garbage (async-profiler). A chunked body has none,
    // and one byte over the cap tells it is too large.
    int limit = declared >= 0 ? (int) declared + 1 : maxBodyBytes + 1;
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(limit);
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw badRequest("The request body could not be read.");
    }
  }

  private static RequestRejectedException tooLarge() {
    return new RequestRejectedException(413, "payload_too_large", "The request body is too large.");
  }

  static RequestRejectedException badRequest(String message) {
    return new RequestRejectedException(400, "bad_request", message);
  }
}
