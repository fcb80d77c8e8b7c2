package dev.miandeng.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.miandeng.adapter.feishu.ExchangeFlavour;
import dev.miandeng.adapter.feishu.FeishuSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigReaderTest {

  private static final String SECRET = Credentials.SECRET;

  private static AppConfig read(Map<String, String> values) {
    return Credentials.read(values);
  }

  private static Map<String, String> realFeishu() {
    return Credentials.realFeishu();
  }

  @Test
  @DisplayName(
      "the credentials alone: Feishu's hosts and JSSDK, H2 file under ./data, port 8080,"
          + " documented defaults")
  void defaults() {
    AppConfig config = read(Map.of());

    assertThat(config.identity().openApiBaseUrl()).isEqualTo(URI.create("https://open.feishu.cn"));
    assertThat(config.identity().jssdkUrl())
        .isEqualTo(URI.create("https://lf-scm-cn.feishucdn.com/lark/op/h5-js-sdk-1.5.44.js"));
    assertThat(config.persistence().database())
        .hasValueSatisfying(
            db -> assertThat(db.jdbcUrl()).startsWith("jdbc:h2:file:").contains("data"));
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.sessionPolicy().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.sessionPolicy().absoluteLifetime()).isEqualTo(Duration.ofHours(12));
    assertThat(config.loginTtl()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName(
      "SEC-19 with an App ID the app talks to Feishu; the redirect URI comes from configuration")
  void realFeishuFromAppIdAndSecret() {
    AppConfig config = read(realFeishu());

    FeishuSettings feishu = config.identity();
    assertThat(feishu.appId()).isEqualTo("cli_a1b2c3");
    assertThat(feishu.redirectUri()).isEqualTo("https://app.example.com/callback");
    assertThat(feishu.openApiBaseUrl()).isEqualTo(URI.create("https://open.feishu.cn"));
    assertThat(feishu.exchange()).isEqualTo(ExchangeFlavour.V2);
  }

  @Test
  @DisplayName("REL-02 FEISHU_LOGIN_DEADLINE bounds one login's Feishu calls; 10 s by default")
  void loginDeadline() {
    Map<String, String> tight = new java.util.HashMap<>(realFeishu());
    tight.put("FEISHU_LOGIN_DEADLINE", "3s");

    assertThat(read(realFeishu()).identity().loginDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(read(tight).identity().loginDeadline()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void larkBrandSwitchesBothHosts() {
    Map<String, String> lark = new java.util.HashMap<>(realFeishu());
    lark.put("FEISHU_BRAND", "lark");
    lark.put("FEISHU_EXCHANGE", "oidc");

    FeishuSettings feishu = read(lark).identity();

    assertThat(feishu.openApiBaseUrl()).isEqualTo(URI.create("https://open.larksuite.com"));
    assertThat(feishu.accountsBaseUrl()).isEqualTo(URI.create("https://accounts.larksuite.com"));
    assertThat(feishu.exchange()).isEqualTo(ExchangeFlavour.OIDC);
  }

  @Test
  @DisplayName("SEC-25 the start-up summary never shows the app secret or the database password")
  void summaryMasksSecrets() {
    Map<String, String> values = new java.util.HashMap<>(realFeishu());
    values.put("MIANDENG_DB_URL", "jdbc:postgresql://db.internal:5432/miandeng");
    values.put("MIANDENG_DB_USER", "miandeng");
    values.put("MIANDENG_DB_PASSWORD", "pg-password-for-test");

    String summary = String.join("\n", read(values).describe());

    assertThat(summary)
        .contains("cli_a1b2c3")
        .doesNotContain(SECRET)
        .doesNotContain("pg-password-for-test");
  }

  @Test
  @DisplayName("SEC-25 the app secret can come from a secret file")
  void secretFromFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("secret"), SECRET + "\n");
    Map<String, String> values =
        Map.of(
            "FEISHU_APP_ID", "cli_a1b2c3",
            "FEISHU_APP_SECRET_FILE", file.toString(),
            "MIANDENG_PUBLIC_BASE_URL", "https://app.example.com");

    FeishuSettings feishu = read(values).identity();

    assertThat(feishu.appSecret()).isEqualTo(SECRET);
  }

  @Test
  void realFeishuNeedsTheSecretAndThePublicUrl() {
    assertThatThrownBy(() -> read(Map.of("FEISHU_APP_ID", "cli_x")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_APP_SECRET");
    assertThatThrownBy(() -> read(Map.of("FEISHU_APP_ID", "cli_x", "FEISHU_APP_SECRET", SECRET)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_PUBLIC_BASE_URL");
  }

  @Test
  @DisplayName(
      "an invalid value stops start-up with a message naming the variable and what it takes")
  void invalidValuesNameTheirVariable() {
    assertThatThrownBy(() -> read(Map.of("MIANDENG_PORT", "eighty")))
        .hasMessageContaining("MIANDENG_PORT")
        .hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_PERSISTENCE", "mongo")))
        .hasMessageContaining("MIANDENG_PERSISTENCE")
        .hasMessageContaining("[jdbc, memory]");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_SESSION_IDLE_TIMEOUT", "soon")))
        .hasMessageContaining("MIANDENG_SESSION_IDLE_TIMEOUT");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_LOGIN_TTL", "1h")))
        .hasMessageContaining("SEC-17");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_DB_URL", "jdbc:mysql://x/y")))
        .hasMessageContaining("MIANDENG_DB_URL");
  }

  @Test
  @DisplayName(
      "the management port is off by default, binds loopback unless told otherwise, and may not"
          + " be the app's port")
  void managementPort() {
    assertThat(read(Map.of()).operations().managementPort()).isEmpty();
    assertThat(read(Map.of()).describe()).contains("operations:  metrics off, logs as text");
    OperationsConfig on = read(Map.of("MIANDENG_MANAGEMENT_PORT", "9464")).operations();
    assertThat(on.managementPort()).contains(9464);
    assertThat(on.managementHost()).isEqualTo("127.0.0.1");
    assertThat(
            read(Map.of("MIANDENG_MANAGEMENT_PORT", "9464", "MIANDENG_MANAGEMENT_HOST", "0.0.0.0"))
                .operations()
                .managementHost())
        .isEqualTo("0.0.0.0");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_MANAGEMENT_PORT", "8080")))
        .hasMessageContaining("MIANDENG_MANAGEMENT_PORT must differ from MIANDENG_PORT");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_MANAGEMENT_PORT", "metrics")))
        .hasMessageContaining("MIANDENG_MANAGEMENT_PORT");
    assertThat(read(Map.of("MIANDENG_LOG_FORMAT", "json")).operations().jsonLogs()).isTrue();
    assertThatThrownBy(() -> read(Map.of("MIANDENG_LOG_FORMAT", "xml")))
        .hasMessageContaining("MIANDENG_LOG_FORMAT");
    assertThat(read(Map.of()).http().accessLog()).isFalse();
    assertThat(read(Map.of("MIANDENG_ACCESS_LOG", "true")).http().accessLog()).isTrue();
    assertThatThrownBy(() -> read(Map.of("MIANDENG_ACCESS_LOG", "yes")))
        .hasMessageContaining("MIANDENG_ACCESS_LOG");
  }

  @Test
  void durationsTakeShortAndIsoForms() {
    AppConfig config =
        read(
            Map.of(
                "MIANDENG_SESSION_IDLE_TIMEOUT", "15m",
                "MIANDENG_SESSION_ABSOLUTE_LIFETIME", "PT8H",
                "MIANDENG_SESSION_TOUCH_INTERVAL", "30s"));

    assertThat(config.sessionPolicy().idleTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.sessionPolicy().absoluteLifetime()).isEqualTo(Duration.ofHours(8));
    assertThat(config.sessionPolicy().lastSeenWriteInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("SEC-22 the tenant allow-list is a comma-separated list")
  void tenantAllowList() {
    AppConfig config = read(Map.of("MIANDENG_ALLOWED_TENANTS", "tenant-a, tenant-b"));

    assertThat(config.tenants().allows("tenant-a")).isTrue();
    assertThat(config.tenants().allows("tenant-c")).isFalse();
  }

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("miandeng.properties"),
            "MIANDENG_PORT=7001\nMIANDENG_HOST=0.0.0.0\nMIANDENG_LOGIN_RATE_LIMIT=5\n");
    Map<String, String> environment = new java.util.HashMap<>(realFeishu());
    environment.putAll(
        Map.of("MIANDENG_PORT", "7002", "MIANDENG_LOGIN_RATE_LIMIT", "7", "PATH", "/usr/bin"));
    ConfigSources raw = ConfigSources.load(List.of("--config=" + file, "--port=7003"), environment);

    HttpConfig http = AppConfigReader.read(raw).http();

    assertThat(http.port()).isEqualTo(7003);
    assertThat(http.loginRateLimitPerMinute()).isEqualTo(7);
    assertThat(http.host()).isEqualTo("0.0.0.0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://app.example.com/sso/feishu/callback",
        "https://app.example.com/callback/extra",
        "https://app.example.com/",
        "https://other.example.com/callback",
        "http://app.example.com/callback",
        "https://app.example.com:8443/callback",
        "https://app.example.com/callback#frag",
        "/callback",
        "not a url"
      })
  @DisplayName(
      "SEC-19 a redirect URI that is not the callback this app serves on its public origin is refused")
  void redirectUriMustBeTheServedCallback(String redirectUri) {
    Map<String, String> values = new java.util.HashMap<>(realFeishu());
    values.put("FEISHU_REDIRECT_URI", redirectUri);

    assertThatThrownBy(() -> read(values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_REDIRECT_URI must be https://app.example.com/callback")
        .hasMessageContaining("MIANDENG_PUBLIC_BASE_URL");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://app.example.com/callback",
        "https://APP.example.com:443/callback",
        "https://app.example.com/callback?from=feishu"
      })
  @DisplayName("SEC-19 the served callback is accepted as written, byte-identical")
  void theServedCallbackIsAccepted(String redirectUri) {
    Map<String, String> values = new java.util.HashMap<>(realFeishu());
    values.put("FEISHU_REDIRECT_URI", redirectUri);

    FeishuSettings feishu = read(values).identity();

    assertThat(feishu.redirectUri()).isEqualTo(redirectUri);
  }

  @Test
  void aPublicUrlWithAPathIsRefusedByName() {
    Map<String, String> values = new java.util.HashMap<>(realFeishu());
    values.put("MIANDENG_PUBLIC_BASE_URL", "https://app.example.com/miandeng");

    assertThatThrownBy(() -> read(values))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_PUBLIC_BASE_URL must be an origin");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "--feishu-app-secret=s3cr3t",
        "--FEISHU_APP_SECRET=s3cr3t",
        "--db-password=pg",
        "--miandeng-db-password=pg"
      })
  @DisplayName(
      "SEC-25 a secret given as a command-line flag (readable in ps) is refused, without echoing it")
  void secretsAreNeverFlags(String flag) {
    assertThatThrownBy(() -> ConfigSources.load(List.of(flag), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageMatching(
            "(FEISHU_APP_SECRET|MIANDENG_DB_PASSWORD) was given as a command-line.*")
        .hasMessageContaining("ps")
        .hasMessageContaining("environment")
        .hasMessageContaining("_FILE")
        .message()
        .doesNotContain("s3cr3t")
        .doesNotContain("=pg");
  }

  @Test
  @DisplayName("SEC-25 the secret file may still be named by a flag: it is a path, not a secret")
  void secretFileFlagIsAccepted(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("secret"), SECRET);
    ConfigSources raw =
        ConfigSources.load(
            List.of(
                "--feishu-app-id=cli_a1b2c3",
                "--feishu-app-secret-file=" + file,
                "--public-base-url=https://app.example.com"),
            Map.of());

    FeishuSettings feishu = AppConfigReader.read(raw).identity();

    assertThat(feishu.appSecret()).isEqualTo(SECRET);
  }

  @Test
  @DisplayName(
      "no FEISHU_APP_ID: the production app refuses to start, naming the variable and the demo")
  void noAppIdIsRefused() {
    assertThatThrownBy(() -> AppConfigReader.read(ConfigSources.of(Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("FEISHU_APP_ID is required")
        .hasMessageContaining("bin/run");
  }

  @Test
  @DisplayName("FEISHU_JSSDK_URL replaces Feishu's JSSDK, for a private deployment")
  void jssdkUrl() {
    Map<String, String> values = new java.util.HashMap<>(realFeishu());
    values.put("FEISHU_JSSDK_URL", "https://sdk.intranet.example/h5-js-sdk.js");

    assertThat(read(values).identity().clientLoginSettings().clientScript())
        .isEqualTo(URI.create("https://sdk.intranet.example/h5-js-sdk.js"));
    values.put("FEISHU_JSSDK_URL", "sdk.js");
    assertThatThrownBy(() -> read(values)).hasMessageContaining("FEISHU_JSSDK_URL");
  }

  @Test
  void argumentsThatAreNotFlagsAreRejected() {
    assertThatThrownBy(() -> ConfigSources.load(List.of("9000"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--name=value");
  }

  @Test
  @DisplayName(
      "SEC-05/SEC-33/REL-10: trusted proxies are parsed addresses and CIDR ranges; the limits and"
          + " the shutdown delay have documented defaults")
  void proxiesLimitsAndShutdown() {
    HttpConfig defaults = read(Map.of()).http();
    assertThat(defaults.trustedProxies().isEmpty()).isTrue();
    assertThat(defaults.loginRateLimitPerMinute()).isEqualTo(20);
    assertThat(defaults.loginRateLimitPerAddressPerMinute()).isEqualTo(300);
    assertThat(defaults.shutdownDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(defaults.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));

    HttpConfig set =
        read(Map.of(
                "MIANDENG_TRUSTED_PROXIES", "10.0.0.0/8, ::1, [::1]",
                "MIANDENG_LOGIN_RATE_LIMIT_PER_ADDRESS", "1000",
                "MIANDENG_SHUTDOWN_DELAY", "15s"))
            .http();
    assertThat(set.trustedProxies()).hasToString("[10.0.0.0/8, 0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:1]");
    assertThat(set.loginRateLimitPerAddressPerMinute()).isEqualTo(1000);
    assertThat(set.shutdownDelay()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName(
      "the shutdown delay may be zero (development, as the README says) but not negative; other"
          + " durations stay positive")
  void shutdownDelayMayBeZero() {
    for (String zero : List.of("0s", "0ms", "PT0S")) {
      assertThat(read(Map.of("MIANDENG_SHUTDOWN_DELAY", zero)).http().shutdownDelay()).isZero();
    }
    assertThatThrownBy(() -> read(Map.of("MIANDENG_SHUTDOWN_DELAY", "-PT1S")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_SHUTDOWN_DELAY");
    assertThatThrownBy(() -> read(Map.of("MIANDENG_SHUTDOWN_GRACE", "0s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MIANDENG_SHUTDOWN_GRACE");
  }

  @Test
  @DisplayName("SEC-05: a trusted proxy that is no address or range stops start-up, named")
  void badTrustedProxy() {
    for (String bad : List.of("proxy.internal", "10.0.0.0/33", "10.1")) {
      assertThatThrownBy(() -> read(Map.of("MIANDENG_TRUSTED_PROXIES", "127.0.0.1," + bad)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("MIANDENG_TRUSTED_PROXIES")
          .hasMessageContaining(bad);
    }
  }
}
