package dev.miandeng.adapter.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Decodes a 2xx answer, but only after checking its {@code code}: Feishu reports token errors with
 * HTTP 200 too, and such a body must fail like any other error.
 */
final class FeishuReplyDecoder implements Decoder {

  @Override
  public Object decode(Response response, Type type) throws IOException {
    Optional<JsonNode> body = FeishuReplies.readJson(response);
    JsonNode code = body.map(node -> node.get("code")).orElse(null);
    if (code == null || !code.isIntegralNumber() || code.asInt() != 0) {
      throw FeishuReplies.failure(response, body);
    }
    return FeishuReplies.MAPPER
        .readerFor(FeishuReplies.MAPPER.constructType(type))
        .readValue(body.get());
  }
}
