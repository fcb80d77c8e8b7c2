package dev.miandeng.app.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium driven through its own chromedriver. Nothing here may download a
 * browser (there is no internet), so both binaries are named explicitly. Without them the tests
 * skip loudly on a developer machine and fail under {@code CI=true}, where a skip would hide a gap.
 */
final class Chromium {

  private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);
  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static ChromeDriver start(String language) throws Exception {
    requireBinaries();
    Path profile = Files.createTempDirectory("miandeng-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=390,844",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static void requireBinaries() {
    boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    String message =
        "browser tests need "
            + BROWSER
            + " and "
            + DRIVER
            + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
    if (!present && "true".equals(System.getenv("CI"))) {
      Assertions.fail("CI=true and " + message);
    }
    if (!present) {
      LOG.warn("SKIPPING browser tests: {}", message);
    }
    Assumptions.assumeTrue(present, "SKIPPED: " + message);
  }
}
