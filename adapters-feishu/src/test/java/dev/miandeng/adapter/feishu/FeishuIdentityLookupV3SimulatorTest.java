package dev.miandeng.adapter.feishu;

import dev.miandeng.simulator.SimulatedEndpoint;

/**
 * The same contract and checks with the v3 exchange ({@code POST <accounts host>/oauth/v3/token},
 * client_secret), browser codes included (PKCE and redirect_uri checked there as on v2).
 */
class FeishuIdentityLookupV3SimulatorTest extends FeishuIdentityLookupSimulatorTest {

  @Override
  ExchangeFlavour flavour() {
    return ExchangeFlavour.V3;
  }

  @Override
  SimulatedEndpoint exchangeEndpoint() {
    return SimulatedEndpoint.OAUTH_V3_TOKEN;
  }
}
