package dev.miandeng.adapter.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.domain.identity.AuthCenterUnavailableException;
import dev.miandeng.simulator.SimulatedEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The same contract and checks with the OIDC v1 exchange (the seed diagram's app_access_token
 * flow).
 */
class FeishuIdentityLookupOidcSimulatorTest extends FeishuIdentityLookupSimulatorTest {

  @Override
  ExchangeFlavour flavour() {
    return ExchangeFlavour.OIDC;
  }

  @Override
  SimulatedEndpoint exchangeEndpoint() {
    return SimulatedEndpoint.OIDC_ACCESS_TOKEN;
  }

  @Test
  @DisplayName("REL-07 tokens expired at the simulator: evict, refetch, retry once, login succeeds")
  void expiredAppTokenIsReplaced() {
    lookup().identify(freshClientCode());
    sim().control().expireTokens();

    assertThat(lookup().identify(freshClientCode()))
        .usingRecursiveComparison()
        .ignoringFields("grant")
        .isEqualTo(expectedIdentity());
    assertThat(sim().control().count(SimulatedEndpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
    assertThat(sim().control().count(SimulatedEndpoint.OIDC_ACCESS_TOKEN)).isEqualTo(3);
  }

  @Test
  @DisplayName("REL-07 a second 99991663 fails cleanly as unavailable after exactly one retry")
  void twiceRejectedAppTokenFails() {
    sim().control().failNext(SimulatedEndpoint.OIDC_ACCESS_TOKEN, 2, 400, 99991663);

    assertThatThrownBy(() -> lookup().identify(freshClientCode()))
        .isInstanceOf(AuthCenterUnavailableException.class);
    assertThat(sim().control().count(SimulatedEndpoint.APP_ACCESS_TOKEN)).isEqualTo(2);
    assertThat(sim().control().count(SimulatedEndpoint.OIDC_ACCESS_TOKEN)).isEqualTo(2);
  }
}
