package dev.miandeng.domain.jsapi;

import dev.miandeng.domain.identity.AuthCenterMisconfiguredException;
import dev.miandeng.domain.identity.AuthCenterUnavailableException;

/**
 * Driven port: signs page URLs for {@code h5sdk.config} with the identity provider's JSAPI ticket,
 * which the adapter obtains, caches and renews (Feishu: {@code POST /open-apis/jssdk/ticket/get},
 * cached by its own {@code expire_in}). Every call returns a fresh random nonce and the current
 * time. The ticket never crosses this port.
 */
public interface JsapiConfigSigner {

  /**
   * A configuration for {@code page} signed with the current ticket.
   *
   * @throws AuthCenterUnavailableException when no ticket can be had now (retry later)
   * @throws AuthCenterMisconfiguredException when the provider refuses the app's credentials
   */
  JsapiConfig sign(PageUrl page);

  /**
   * As {@link #sign}, after the client refused a configuration because the ticket behind it was no
   * longer valid: the adapter drops that ticket and fetches another, but at most once per ticket (a
   * page that keeps reporting cannot spend the ticket quota); a ticket already replaced once is
   * kept.
   *
   * @throws AuthCenterUnavailableException when no ticket can be had now (retry later)
   * @throws AuthCenterMisconfiguredException when the provider refuses the app's credentials
   */
  JsapiConfig signWithRenewedTicket(PageUrl page);
}
