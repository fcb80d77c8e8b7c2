package dev.miandeng.domain.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What the person looks like on screen. Names are stored verbatim, whatever characters they hold;
 * every page inserts them as text, never as HTML (SEC-22).
 *
 * @param name display name, possibly empty
 * @param englishName English display name, possibly empty
 * @param avatarUrl an {@code https:} or {@code http:} URL, or empty when the person has no avatar
 * @param email an e-mail address; unverified, so never used as a key
 */
public record Profile(String name, String englishName, String avatarUrl, Optional<String> email) {

  private static final int MAX_NAME = 256;
  private static final int MAX_URL = 2048;

  public Profile {
    name = Text.requireText(name, "name", MAX_NAME);
    englishName = Text.requireText(englishName, "englishName", MAX_NAME);
    avatarUrl = Text.requireText(avatarUrl, "avatarUrl", MAX_URL);
    if (!avatarUrl.isEmpty()
        && !avatarUrl.startsWith("https://")
        && !avatarUrl.startsWith("http://")) {
      throw new IllegalArgumentException("avatarUrl must be an http(s) URL");
    }
    Objects.requireNonNull(email, "email");
    email.ifPresent(e -> Text.requireText(e, "email", MAX_NAME));
  }
}
