package dev.miandeng.adapter.feishu;

import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.util.Optional;

/**
 * Decodes a non-2xx answer by reading its body: the {@code code} in it, not the status, says what
 * went wrong (a 400 may be a bad code, a stale app token or a rate limit).
 */
final class FeishuErrorDecoder implements ErrorDecoder {

  @Override
  public Exception decode(String methodKey, Response response) {
    try {
      return FeishuReplies.failure(response, FeishuReplies.readJson(response));
    } catch (IOException unreadable) {
      // The status alone still classifies it (5xx: unavailable, ...).
      return FeishuReplies.failure(response, Optional.empty());
    }
  }
}
