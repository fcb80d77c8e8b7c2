package dev.miandeng.adapter.feishu;

/**
 * Where the RFC 7523 client assertion comes from: a JWT that authenticates the app to the v3 token
 * endpoint instead of its App Secret (facts page section 3.3a). An external signer makes it (a
 * sidecar holding the key, a cloud KMS); this adapter never signs.
 */
@FunctionalInterface
public interface ClientAssertionSource {

  /**
   * @return the current assertion, a compact JWT ({@code header.payload.signature}), never blank
   * @throws dev.miandeng.domain.identity.AuthCenterMisconfiguredException when no usable assertion
   *     is available (missing, empty, malformed, expired): an operator must fix the signer
   */
  String assertion();
}
