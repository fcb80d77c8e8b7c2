package dev.miandeng.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.miandeng.domain.fixtures.HostileStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-32 fuzzing of the JSON body reader (SEC-28, SEC-29): any body either yields an object of
 * known string fields, exactly as a plain parser reads it, or is refused with our own 400/413 and
 * our own words; nothing else escapes. The seeds are in {@code JsonFuzzTestInputs/}.
 */
class JsonFuzzTest {

  private static final int MAX_BODY = 256;
  private static final Json JSON = new Json(MAX_BODY);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final List<Set<String>> ROUTES = List.of(Set.of(), Set.of("code", "nonce"));

  @FuzzTest(maxDuration = "60s")
  @DisplayName("SEC-32 SEC-29 fuzzed JSON bodies: an object of known strings, or our own 400/413")
  void body(byte[] input) {
    assertReadSafely(input);
  }

  @Test
  @DisplayName("SEC-32 SEC-29 20 000 generated JSON bodies: an object of known strings, or 400/413")
  void generatedBodies() {
    SplittableRandom random = new SplittableRandom(32L);
    HostileStrings.ATTACKS.forEach(raw -> assertReadSafely(raw.getBytes(StandardCharsets.UTF_8)));
    HostileStrings.generated(32L, 20_000)
        .map(raw -> jsonLike(raw, random).getBytes(StandardCharsets.UTF_8))
        .forEach(JsonFuzzTest::assertReadSafely);
  }

  /** Wraps a hostile string so that many inputs get past the JSON syntax to the field checks. */
  private static String jsonLike(String raw, SplittableRandom random) {
    String quoted = raw.replace("\\", "\\\\").replace("\"", "\\\"");
    return switch (random.nextInt(6)) {
      case 0 -> raw;
      case 1 -> "{\"code\":\"" + quoted + "\",\"nonce\":\"n\"}";
      case 2 -> "{\"code\":\"" + raw + "\"}";
      case 3 -> "{\"code\":" + raw + "}";
      case 4 -> "{\"" + quoted + "\":\"x\"}";
      default -> "{\"nonce\":\"" + quoted + "\"" + raw + "}";
    };
  }

  private static void assertReadSafely(byte[] body) {
    for (Set<String> allowed : ROUTES) {
      for (boolean chunked : new boolean[] {false, true}) {
        try {
          JsonNode node = JSON.readObject(FakeContext.withBody(body, chunked), allowed);
          assertAccepted(body, allowed, node);
        } catch (RequestRejectedException e) {
          assertRefused(body, e);
        }
      }
    }
  }

  private static void assertAccepted(byte[] body, Set<String> allowed, JsonNode node) {
    assertThat(body.length).isLessThanOrEqualTo(MAX_BODY);
    assertThat(node.isObject()).isTrue();
    node.properties()
        .forEach(
            field -> {
              assertThat(allowed).contains(field.getKey());
              assertThat(field.getValue().isTextual()).isTrue();
            });
    if (body.length == 0) {
      assertThat(node.isEmpty()).isTrue();
      return;
    }
    try {
      assertThat(node).as("what a plain parser reads").isEqualTo(PLAIN.readTree(body));
    } catch (IOException e) {
      fail("accepted a body a plain JSON parser refuses", e);
    }
    try {
      assertThat(Json.requiredText(node, "code"))
          .isEqualTo(node.get("code").textValue())
          .isNotEmpty();
    } catch (RequestRejectedException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(node.path("code").asText("")).isEmpty();
    }
  }

  private static void assertRefused(byte[] body, RequestRejectedException e) {
    if (body.length > MAX_BODY) {
      assertThat(e.status()).isEqualTo(413);
      assertThat(e.code()).isEqualTo("payload_too_large");
    } else {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.code()).isEqualTo("bad_request");
    }
    assertThat(e.getMessage())
        .containsIgnoringCase("request body")
        .doesNotContain("jackson", "Exception", "line:", "column:");
  }
}
