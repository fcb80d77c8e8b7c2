package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.simulator.ClientMode;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatedUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The login-free path inside the (simulated) Feishu client: the page asks the client for a code and
 * shows the profile without the user typing anything, on every kind of client, and recovers from
 * refusals and outages with its "try again" button.
 */
class InsideFeishuLoginTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  @Test
  @DisplayName("requestAccess: the page shows the first roster user after one code exchange")
  void requestAccessShowsTheProfile() {
    page.open().waitForProfileOf(APP.firstUser());

    assertThat(APP.codeExchanges()).as("code exchanges").isEqualTo(1);
    assertThat(APP.control().count(SimulatedEndpoint.USER_INFO)).as("user_info").isEqualTo(1);
  }

  @Test
  @DisplayName("a client without tt.requestAccess logs in through requestAuthCode")
  void oldClientFallsBackToRequestAuthCode() {
    APP.control().clientMode(ClientMode.OLD_CLIENT);

    page.open().waitForProfileOf(APP.firstUser());

    // Proves the switch took effect: calling the missing requestAccess would have thrown.
    assertThat(page.script("return typeof window.tt.requestAccess")).isEqualTo("undefined");
    assertThat(APP.codeExchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName("requestAccess failing with errno 103 falls back to requestAuthCode")
  void errno103FallsBackToRequestAuthCode() {
    APP.control().clientMode(ClientMode.ERRNO_103);

    page.open().waitForProfileOf(APP.firstUser());

    assertThat(APP.codeExchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "errno 103 reported through h5sdk.error as well as requestAccess's fail: the requestAuthCode"
          + " fallback still finishes")
  void errno103ThroughH5sdkErrorStillFallsBack() {
    APP.control().clientMode(ClientMode.H5SDK_ERROR);

    page.open().waitForProfileOf(APP.firstUser());

    assertThat(APP.codeExchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName("the user refuses: 'refused' with a message, no exchange; #retry then logs in")
  void refusalThenRetry() {
    APP.control().clientMode(ClientMode.REFUSE_ONCE);

    page.open().waitForState("refused");
    assertThat(page.text("message")).contains("did not allow");
    assertThat(APP.codeExchanges()).as("exchanges after a refusal").isZero();

    page.click("retry").waitForProfileOf(APP.firstUser());
    assertThat(APP.codeExchanges()).isEqualTo(1);
  }

  @Test
  @DisplayName("SEC-22: a name full of HTML and script shows as literal text and runs nothing")
  void hostileNameIsText() {
    SimulatedUser eve = APP.user("whose name holds <img", u -> u.name().contains("<img"));
    APP.control().client(ClientMode.NORMAL, eve.openId());

    page.open().waitForProfileOf(eve);

    // The CSP alone would stop the inline handlers, so also prove no element was parsed from it.
    assertThat(page.driver().findElements(By.cssSelector("#title img, #title script"))).isEmpty();
    assertThat(page.script("return window.__pwned === undefined")).isEqualTo(true);
  }

  @Test
  @DisplayName(
      "REL-03: auth center down shows 'unavailable' with #retry; after recovery #retry logs in"
          + " (no restart) and the session then survives another outage")
  void authCenterDownThenRecovered() {
    APP.control().down(true);

    page.open().waitForState("unavailable");
    assertThat(page.text("message")).contains("try again");
    assertThat(page.element("retry").isDisplayed()).isTrue();

    APP.control().down(false);
    page.click("retry").waitForProfileOf(APP.firstUser());

    APP.control().down(true);
    page.reload().waitForProfileOf(APP.firstUser());
  }
}
