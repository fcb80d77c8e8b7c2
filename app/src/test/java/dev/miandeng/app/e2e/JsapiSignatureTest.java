package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.simulator.ClientMode;
import dev.miandeng.simulator.SimulatedEndpoint;
import dev.miandeng.simulator.SimulatedUser;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The JSAPI action of the profile inside the (simulated) Feishu client: the page asks the server
 * for the h5sdk.config signature, the simulated client checks it against the ticket it issued and
 * the page's URL, and only then shows the toast. Outside the client the action is not offered.
 */
class JsapiSignatureTest {

  @RegisterExtension static final MiandengApp APP = new MiandengApp();
  @RegisterExtension final AppPage page = new AppPage(APP);

  @Test
  @DisplayName(
      "inside Feishu: log in, 'Say hello through Feishu', the simulator accepts the signature and"
          + " the toast shows")
  void configSucceedsAndTheToastShows() {
    SimulatedUser user = APP.firstUser();
    page.open().waitForProfileOf(user);

    greet();

    assertThat(page.text("jsapi-status"))
        .isEqualTo("Feishu accepted this page's signature and showed the greeting.");
    assertThat(toasts()).containsExactly("Hello, " + user.name() + "!");
  }

  @Test
  @DisplayName(
      "REL-07: the simulator's ticket goes stale; the page's h5sdk.config fails, the page asks once"
          + " more with the errorCode, the server renews the ticket and the toast shows")
  void staleTicketIsRenewedAndThePageRetriesOnce() {
    page.open().waitForProfileOf(APP.firstUser());
    greet();
    // The app keeps its ticket across this class's tests, and the simulator's reset before each
    // test retired it: count from here, where the app holds a ticket the simulator honours.
    int ticketCalls = APP.control().count(SimulatedEndpoint.JSSDK_TICKET);

    APP.control().staleJsapiTicket();
    page.reload().waitForProfileOf(APP.firstUser());
    greet();

    assertThat(APP.control().count(SimulatedEndpoint.JSSDK_TICKET))
        .as("one renewal after the rejection")
        .isEqualTo(ticketCalls + 1);
    assertThat(toasts()).hasSize(1);
  }

  @Test
  @DisplayName("a Chinese client sees the action and its outcome in Chinese")
  void inChinese() {
    page.language("zh-CN");
    page.open().waitForProfileOf(APP.firstUser());

    assertThat(page.text("jsapi-toast")).isEqualTo("通过飞书打个招呼");
    greet();
    assertThat(page.text("jsapi-status")).isEqualTo("飞书已接受此页面的签名并显示了问候。");
    assertThat(toasts()).containsExactly("你好，" + APP.firstUser().name() + "！");
  }

  @Test
  @DisplayName("in a plain browser the profile does not offer the JSAPI action")
  void plainBrowserHidesTheAction() {
    APP.control().clientMode(ClientMode.BROWSER);
    SimulatedUser alice = APP.user("Alice", u -> u.openId().equals("ou_sim_alice"));
    page.open().waitForState("browser");
    page.click("login-button");
    By choice = By.cssSelector("[data-open-id='" + alice.openId() + "']");
    page.until(ExpectedConditions.elementToBeClickable(choice), "the simulator's authorize page");
    page.driver().findElement(choice).click();
    page.click("allow");
    page.until(ExpectedConditions.urlContains(APP.url().toString()), "the way back to the app");

    page.waitForProfileOf(alice);

    // The page looked for the client after showing the profile: wait until the JSSDK arrived.
    page.until(
        d ->
            Boolean.TRUE.equals(
                page.script(
                    "return performance.getEntriesByType('resource').some(e =>"
                        + " e.name.includes('/jsapi/h5sdk.js') && e.responseEnd > 0)")),
        "the JSSDK loaded");
    assertThat(page.element("jsapi-demo").isDisplayed()).isFalse();
    assertThat(APP.control().count(SimulatedEndpoint.JSSDK_TICKET)).isZero();
  }

  /** Clicks the action once it is offered and waits for its success. */
  private void greet() {
    page.until(ExpectedConditions.visibilityOfElementLocated(By.id("jsapi-toast")), "the action");
    page.click("jsapi-toast");
    page.until(
        d -> "done".equals(page.element("jsapi-status").getDomAttribute("data-kind")),
        "#jsapi-status[data-kind=done]");
  }

  @SuppressWarnings("unchecked")
  private List<String> toasts() {
    return (List<String>) page.script("return window.__feishuSimulatorToasts");
  }
}
