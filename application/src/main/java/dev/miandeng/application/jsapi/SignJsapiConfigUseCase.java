package dev.miandeng.application.jsapi;

import dev.miandeng.domain.jsapi.JsapiConfig;
import dev.miandeng.domain.jsapi.PageUrl;
import java.util.Objects;

/**
 * Signs the {@code h5sdk.config} parameters for one page, so the page may call JSAPIs beyond login
 * (Feishu: "鉴权调用 JSAPI"). Needs no session: a page may configure the client before its user has
 * logged in, and a signature is only good for a page on the app's own origin, which the caller has
 * checked.
 */
public interface SignJsapiConfigUseCase {

  /**
   * A fresh configuration (new nonce, current time) for the request's page.
   *
   * @throws dev.miandeng.domain.identity.AuthCenterUnavailableException when no ticket can be had
   * @throws dev.miandeng.domain.identity.AuthCenterMisconfiguredException when the provider refuses
   *     the app's credentials
   */
  JsapiConfig sign(Request request);

  /**
   * @param page the calling page's URL, fragment dropped, already checked to be on the app's origin
   * @param ticketRejected the client refused this page's previous configuration in a way that
   *     blames the ticket: renew it (at most once per ticket) before signing
   */
  record Request(PageUrl page, boolean ticketRejected) {
    public Request {
      Objects.requireNonNull(page, "page");
    }
  }
}
