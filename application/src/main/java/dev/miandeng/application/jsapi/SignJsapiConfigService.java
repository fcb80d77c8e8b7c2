package dev.miandeng.application.jsapi;

import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.JsapiConfigSigner;
import java.util.Objects;

/** Signs through the {@link JsapiConfigSigner} port; outages pass through to the web edge. */
public final class SignJsapiConfigService implements SignJsapiConfigUseCase {

  private final JsapiConfigSigner signer;

  public SignJsapiConfigService(JsapiConfigSigner signer) {
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public JsapiConfig sign(Request request) {
    return request.ticketRejected()
        ? signer.signWithRenewedTicket(request.page())
        : signer.sign(request.page());
  }
}
