package dev.miandeng.app;

import dev.miandeng.adapter.feishu.AppCredentialsCheck;
import dev.miandeng.adapter.feishu.AppCredentialsCheck.Outcome;
import dev.miandeng.adapter.feishu.FeishuMyTasks;
import dev.miandeng.adapter.feishu.FeishuSetting;
import dev.miandeng.adapter.feishu.FeishuSettings;
import dev.miandeng.app.config.AppConfig;
import dev.miandeng.app.config.AppConfigReader;
import dev.miandeng.app.config.ConfigSources;
import dev.miandeng.app.config.ConfigurationException;
import dev.miandeng.app.config.ServedUrls;
import dev.miandeng.application.task.ListMyTasksService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The setup doctor ({@code bin/doctor}, {@code java -jar miandeng.jar doctor [--flags]}): reads the
 * configuration exactly as start-up does, asks the auth center for an app token, and prints what
 * the developer console must hold for this configuration. The demo runs it against its own stand-in
 * auth center.
 *
 * <p>Checks, each reported by the variable to change:
 *
 * <ol>
 *   <li>the configuration, with start-up's own rules ({@link AppConfigReader}): public URL,
 *       redirect URI, secrets not given as flags, https without an App ID, every value's form;
 *   <li>App ID, App Secret, brand and hosts: one {@code app_access_token} fetch ({@link
 *       AppCredentialsCheck} says which setting Feishu's answer points at); skipped, with what
 *       cannot work, when a v3 client assertion stands in for the App Secret.
 * </ol>
 *
 * <p>What it prints to register follows Feishu's guides: the page calling {@code tt.requestAccess}
 * / {@code tt.requestAuthCode} and the OAuth {@code redirect_uri} must both be redirect URLs (安全设置
 * → 重定向 URL; "配置应用免登流程" client-docs/h5/development-guide/step-3 and "获取授权码"
 * authentication-management/access-token/obtain-oauth-code), the page's origin is the H5 trusted
 * domain (网页应用 → H5 可信域名), and every scope asked for must be enabled (权限管理): FEISHU_SCOPES and the
 * scopes a feature's consent may ask for (the browser login's allow-list), or Feishu answers 20027.
 *
 * <p>Exit status: 0 when every check passed, 1 with the list of problems otherwise.
 */
public final class SetupDoctor {

  public static final int ALL_WELL = 0;
  public static final int PROBLEMS = 1;

  private final Consumer<String> out;
  private final List<String> problems = new ArrayList<>();

  private SetupDoctor(Consumer<String> out) {
    this.out = out;
  }

  /**
   * Runs every check and prints the report line by line.
   *
   * @param args the same flags the app takes
   * @param environment the environment (only MIANDENG_* and FEISHU_* are read)
   * @param out receives the report, one line per call
   * @return {@link #ALL_WELL} or {@link #PROBLEMS}
   */
  static int run(List<String> args, Map<String, String> environment, Consumer<String> out) {
    return run(() -> ConfigSources.load(args, environment), out);
  }

  /**
   * Runs every check on this configuration and prints the report line by line.
   *
   * @param rawConfig the configuration's sources, read only here: a refusal while reading them is
   *     reported like any other refused configuration
   * @param out receives the report, one line per call
   * @return {@link #ALL_WELL} or {@link #PROBLEMS}
   */
  public static int run(Supplier<ConfigSources> rawConfig, Consumer<String> out) {
    return new SetupDoctor(out).examine(rawConfig);
  }

  private int examine(Supplier<ConfigSources> rawConfig) {
    out.accept(Version.line() + ": setup doctor");
    AppConfig config;
    try {
      config = AppConfigReader.read(rawConfig.get());
    } catch (ConfigurationException e) {
      problems.add(e.getMessage());
      out.accept("configuration  refused, as start-up would refuse it");
      return verdict();
    }
    out.accept("configuration  accepted (the rules start-up applies)");
    URI publicUrl = config.http().publicBaseUrlOr(config.http().port());
    checkCredentials(config.identity());
    printConsoleChecklist(config.identity(), publicUrl);
    return verdict();
  }

  private void checkCredentials(FeishuSettings settings) {
    if (settings.withoutAppSecret().isPresent()) {
      // An app_access_token request with an empty secret is refused, and the refusal would blame
      // a secret that was never meant to be set.
      out.accept("credentials    not checked: " + settings.withoutAppSecret().get());
      return;
    }
    Outcome outcome = AppCredentialsCheck.run(settings);
    switch (outcome) {
      case Outcome.Accepted accepted ->
          out.accept(
              "credentials    accepted: "
                  + settings.openApiBaseUrl()
                  + " issued an app_access_token for "
                  + settings.appId());
      case Outcome.Refused refused -> {
        out.accept("credentials    refused by " + settings.openApiBaseUrl());
        problems.add(describe(refused, settings));
      }
      case Outcome.Unreachable unreachable -> {
        out.accept("credentials    not checked: no answer");
        problems.add(
            "FEISHU_OPEN_API_BASE_URL / FEISHU_BRAND: "
                + unreachable.why()
                + "; check the network or proxy between this machine and the auth center, then"
                + " run the doctor again");
      }
    }
  }

  private static String describe(Outcome.Refused refused, FeishuSettings settings) {
    Set<FeishuSetting> suspects = refused.suspects();
    if (suspects.isEmpty()) {
      return "the auth center refused an app_access_token for "
          + settings.appId()
          + " ("
          + refused.message()
          + "); look the code up in Feishu's 通用错误码 (server error codes)";
    }
    String names =
        suspects.stream().sorted().map(SetupDoctor::variable).collect(Collectors.joining(" or "));
    StringBuilder text =
        new StringBuilder(names)
            .append(": ")
            .append(settings.openApiBaseUrl())
            .append(" refused an app_access_token for ")
            .append(settings.appId())
            .append(" (")
            .append(refused.message())
            .append(").");
    if (suspects.contains(FeishuSetting.APP_ID)) {
      text.append(" FEISHU_APP_ID is the App ID under 凭证与基础信息 (Credentials & Basic Info), cli_….");
    }
    if (suspects.contains(FeishuSetting.APP_SECRET)) {
      text.append(
          " FEISHU_APP_SECRET (or the file FEISHU_APP_SECRET_FILE names) is that app's current"
              + " App Secret; resetting it in the console retires the old one.");
    }
    if (suspects.contains(FeishuSetting.BRAND_AND_HOSTS)) {
      text.append(
          " An app made in the Lark console needs FEISHU_BRAND=lark, a Feishu app"
              + " FEISHU_BRAND=feishu; FEISHU_OPEN_API_BASE_URL, when set, must be that brand's"
              + " host (this one is "
              + settings.openApiBaseUrl()
              + ").");
    }
    return text.toString();
  }

  private static String variable(FeishuSetting suspect) {
    return switch (suspect) {
      case APP_ID -> "FEISHU_APP_ID";
      case APP_SECRET -> "FEISHU_APP_SECRET";
      case BRAND_AND_HOSTS -> "FEISHU_BRAND / FEISHU_OPEN_API_BASE_URL";
    };
  }

  private void printConsoleChecklist(FeishuSettings identity, URI publicUrl) {
    String page = ServedUrls.page(publicUrl).toString();
    String redirectUri = identity.redirectUri();
    List<String> scopes = identity.scopes();
    out.accept("");
    out.accept("Register in the developer console (your app → the pages named):");
    out.accept("  安全设置 → 重定向 URL (Security settings → Redirect URLs), both, byte for byte:");
    String column = "    %-" + Math.max(page.length(), redirectUri.length()) + "s  %s";
    out.accept(column.formatted(page, "the page that calls tt.requestAccess / tt.requestAuthCode"));
    out.accept(column.formatted(redirectUri, "the browser login's redirect_uri"));
    out.accept("  网页应用 → H5 可信域名 (Web app → H5 trusted domain):");
    out.accept("    " + ServedUrls.origin(publicUrl));
    out.accept("  网页应用 → 桌面端主页 / 移动端主页 (Web app → home page):");
    out.accept("    " + page);
    out.accept("  权限管理 (Permissions & Scopes), every scope the app may ask for:");
    out.accept(
        scopes.isEmpty()
            ? "    FEISHU_SCOPES is empty: the login asks for identity only (requestAccess scopeList [])"
            : "    " + String.join(", ", scopes) + "  FEISHU_SCOPES: asked at every login");
    out.accept(
        "    "
            + String.join(", ", consentable(identity))
            + "  the \"My tasks\" card: asked at its consent, when it needs the user's token");
    out.accept("");
    out.accept("What users see when the console and this configuration disagree:");
    out.accept(
        "  20029 (20071 on v2)  redirect_uri not registered: add "
            + redirectUri
            + " to the redirect URLs");
    out.accept(
        "  20027                a scope is not enabled for the app: enable it under 权限管理, or"
            + " remove it from FEISHU_SCOPES");
    out.accept(
        "  10236                the page URL is not allowed (tt.requestAuthCode): add "
            + page
            + " to the redirect URLs (10235: the list is empty)");
  }

  /**
   * The scopes a consent may ask for beyond FEISHU_SCOPES: the browser login's allow-list ({@link
   * ListMyTasksService#consentable}), from the task port the app wires. Building the port makes no
   * call.
   */
  private static List<String> consentable(FeishuSettings identity) {
    return ListMyTasksService.consentable(FeishuMyTasks.create(identity, new SimpleMeterRegistry()))
        .stream()
        .sorted()
        .toList();
  }

  private int verdict() {
    out.accept("");
    if (problems.isEmpty()) {
      out.accept("All checks passed.");
      return ALL_WELL;
    }
    out.accept(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
    problems.forEach(problem -> out.accept("  - " + problem));
    return PROBLEMS;
  }
}
