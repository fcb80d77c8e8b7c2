package dev.miandeng.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.miandeng.simulator.SimulatedUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One test's browser on the app's page (register it as an instance {@code @RegisterExtension}
 * field). Chromium starts on first use with a fresh profile, in English unless {@link
 * #language(String)} said otherwise; after the test, pass or fail, the page is kept as {@code
 * target/screenshots/<test method>.png} and the browser quits. Every wait is on something the page
 * shows (mostly {@code #app[data-state]}), never on time.
 */
final class AppPage implements AfterEachCallback {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Logger LOG = LoggerFactory.getLogger(AppPage.class);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final MiandengApp app;
  private String language = "en";
  private ChromeDriver driver;

  AppPage(MiandengApp app) {
    this.app = app;
  }

  /** The browser's language ({@code navigator.language}); only before the browser started. */
  AppPage language(String browserLanguage) {
    if (driver != null) {
      throw new IllegalStateException("the browser already runs in " + language);
    }
    this.language = browserLanguage;
    return this;
  }

  ChromeDriver driver() {
    if (driver == null) {
      try {
        driver = Chromium.start(language);
      } catch (TestAbortedException skipped) {
        throw skipped; // no Chromium on a developer machine: skip loudly, not fail
      } catch (Exception e) {
        throw new AssertionError("Chromium did not start", e);
      }
    }
    return driver;
  }

  /** Opens the app's page (the client switches must be set before: the shim embeds them). */
  AppPage open() {
    driver().get(app.url().toString());
    return this;
  }

  /**
   * Shows the page as a phone of {@code width} x {@code height} CSS pixels at scale 1. A window
   * alone cannot do it: headless Chromium makes no window narrower than 500 px, whatever {@code
   * --window-size} says.
   */
  AppPage phoneScreen(int width, int height) {
    driver()
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    return this;
  }

  /** Reloads and waits until the old document is gone, so a later wait sees the new page only. */
  AppPage reload() {
    WebElement old = driver().findElement(By.id("app"));
    driver().navigate().refresh();
    until(ExpectedConditions.stalenessOf(old), "the page to reload");
    return this;
  }

  /** Waits for {@code <main id="app" data-state="state">}. */
  AppPage waitForState(String state) {
    until(
        d -> state.equals(d.findElement(By.id("app")).getDomAttribute("data-state")),
        "#app[data-state=" + state + "]");
    return this;
  }

  /**
   * Waits for the profile of {@code user}: exact name and English name, and the avatar the auth
   * center gave, really loaded (a blocked or broken image would fall back to initials).
   */
  AppPage waitForProfileOf(SimulatedUser user) {
    waitForState("profile");
    assertThat(text("profile-name")).as("#profile-name").isEqualTo(user.name());
    assertThat(text("profile-en-name")).as("#profile-en-name").isEqualTo(user.enName());
    WebElement avatar = element("profile-avatar");
    assertThat(avatar.getDomProperty("src")).as("avatar src").isEqualTo(user.avatarUrl());
    until(
        d -> avatar.isDisplayed() && Boolean.TRUE.equals(imageLoaded(avatar)),
        "the avatar to load");
    return this;
  }

  private Object imageLoaded(WebElement image) {
    return driver()
        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image);
  }

  /** Waits for any condition; on timeout the message tells what the page showed instead. */
  <T> T until(ExpectedCondition<T> condition, String what) {
    return new WebDriverWait(driver(), PATIENCE)
        .withMessage(() -> "waiting for " + what + "; the page shows " + describe())
        .until(condition);
  }

  WebElement element(String id) {
    return driver().findElement(By.id(id));
  }

  /** The element's exact textContent (not the rendered, whitespace-collapsed text). */
  String text(String id) {
    return element(id).getDomProperty("textContent");
  }

  AppPage click(String id) {
    element(id).click();
    return this;
  }

  Object script(String javascript) {
    return driver().executeScript(javascript);
  }

  String currentUrl() {
    return driver().getCurrentUrl();
  }

  /** The session cookie as a Cookie header ({@code mdl_session=…}), if the browser holds one. */
  Optional<String> sessionCookie() {
    return Optional.ofNullable(driver().manage().getCookieNamed("mdl_session"))
        .map(AppPage::header);
  }

  private static String header(Cookie cookie) {
    return cookie.getName() + "=" + cookie.getValue();
  }

  /** Every cookie the browser would send to the current page's origin, as one Cookie header. */
  String cookieHeader() {
    return driver().manage().getCookies().stream()
        .map(AppPage::header)
        .collect(Collectors.joining("; "));
  }

  /** Keeps what the browser shows as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.copy(
        driver().getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (driver == null) {
      return;
    }
    try {
      Path kept = screenshot(context.getRequiredTestMethod().getName());
      context
          .getExecutionException()
          .ifPresent(
              failure ->
                  LOG.warn("{} failed; the page is kept in {}", context.getDisplayName(), kept));
    } catch (WebDriverException e) {
      LOG.warn("no screenshot of {}: {}", context.getDisplayName(), e.getMessage());
    } finally {
      driver.quit();
      driver = null;
    }
  }

  private String describe() {
    try {
      String state = driver.findElement(By.id("app")).getDomAttribute("data-state");
      String message = driver.findElement(By.id("message")).getText();
      return "data-state=" + state + ", #message='" + message + "' at " + driver.getCurrentUrl();
    } catch (WebDriverException e) {
      return "no #app at " + driver.getCurrentUrl() + ": " + driver.getTitle();
    }
  }
}
