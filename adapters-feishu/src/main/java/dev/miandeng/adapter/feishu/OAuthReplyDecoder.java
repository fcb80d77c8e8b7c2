package dev.miandeng.adapter.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Decodes a 2xx answer of the v3 token endpoint. Its success reply is an RFC 6749 section 5.1 one,
 * flat like v2's but not promised to carry {@code "code": 0} (facts page section 3.3a), so success
 * is: a JSON object with no {@code error} and a {@code code} that is absent or 0. Anything else
 * fails like a non-2xx answer, through the one error table.
 */
final class OAuthReplyDecoder implements Decoder {

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Optional<JsonNode> body = FeishuReplies.readJson(response);
    if (body.isEmpty() || body.get().hasNonNull("error") || !codeAbsentOrZero(body.get())) {
      throw FeishuReplies.failure(response, body);
    }
    return FeishuReplies.MAPPER
        .readerFor(FeishuReplies.MAPPER.constructType(type))
        .readValue(body.get());
  }

  private static boolean codeAbsentOrZero(JsonNode body) {
    JsonNode code = body.get("code");
    return code == null || (code.isIntegralNumber() && code.asInt() == 0);
  }
}
