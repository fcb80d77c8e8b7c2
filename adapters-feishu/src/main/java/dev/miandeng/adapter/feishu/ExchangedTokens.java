package dev.miandeng.adapter.feishu;

import dev.miandeng.domain.identity.UserGrant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a code exchange returned.
 *
 * @param accessToken the user_access_token, used at once to read the user's profile
 * @param grant the whole grant, when the reply carried a refresh token ({@code offline_access})
 */
record ExchangedTokens(String accessToken, Optional<UserGrant> grant) {

  ExchangedTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(grant, "grant");
  }

  @Override
  public String toString() {
    return "ExchangedTokens[grant=" + grant + ", token masked]";
  }
}
