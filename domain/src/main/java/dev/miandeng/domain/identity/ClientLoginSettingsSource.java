package dev.miandeng.domain.identity;

/**
 * Driven port: the identity provider's side of the in-client login, what the page needs to ask the
 * provider's client for a one-time code. The composition root reads it once at start-up and hands
 * it to the web adapter.
 */
public interface ClientLoginSettingsSource {

  /** Fixed for the life of the process. */
  ClientLoginSettings clientLoginSettings();
}
