package dev.miandeng.adapter.feishu;

import static dev.miandeng.adapter.feishu.FeishuSetting.APP_ID;
import static dev.miandeng.adapter.feishu.FeishuSetting.APP_SECRET;
import static dev.miandeng.adapter.feishu.FeishuSetting.BRAND_AND_HOSTS;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every Feishu business code this adapter knows, and the one outcome each leads to: the only place
 * where codes are classified. {@code docs/feishu-errors.md} is the same table for people, one row
 * per code with the documentation page it comes from; {@code FeishuErrorTableDocTest} fails when
 * the two disagree.
 *
 * <p>Sources (page paths under open.feishu.cn/document): the facts page, docs/feishu-auth-center.md
 * (section 5), {@code server-docs/authentication-management/access-token/app_access_token_internal}
 * and {@code tenant_access_token_internal}, {@code
 * authentication-management/access-token/get-user-access-token} (v2 and its refresh grant), the
 * historic v1 pages {@code authen-v1/oidc-access_token/create} and {@code
 * authen-v1/access_token/create}, {@code
 * server-docs/authentication-management/login-state-management/get} (user_info), and {@code
 * server-docs/getting-started/server-error-codes} (codes any OpenAPI may answer, JSSDK ticket
 * included). A code absent from the table is not guessed at: see {@link FeishuFailures}.
 */
final class FeishuErrorTable {

  /** What a code means for the login, whatever endpoint answered it. */
  enum Outcome {
    /** The one-time code (or the user token it gave) is not accepted: ask for a new code (401). */
    CODE_REFUSED,
    /** The person or their organisation may not use the app (403). */
    NOT_ALLOWED,
    /** A setting is wrong; nothing works until the operator fixes it (500, ERROR log). */
    MISCONFIGURED,
    /** The cached app or tenant token is no longer valid: evict, refetch, repeat once (REL-07). */
    STALE_TOKEN,
    /** Feishu cannot answer now; try again later (503 with Retry-After). */
    TRANSIENT
  }

  /**
   * Which settings a refusal of the app's own credentials (the {@code app_access_token} request of
   * the setup doctor) points at, from Feishu's message and the App ID that was sent: some codes
   * cover more than one setting and only the evidence tells which.
   */
  @FunctionalInterface
  interface Blame {
    Set<FeishuSetting> settings(String message, String appId);

    Blame NOBODY = (message, appId) -> Set.of();

    static Blame always(FeishuSetting first, FeishuSetting... rest) {
      Set<FeishuSetting> settings = Set.copyOf(EnumSet.of(first, rest));
      return (message, appId) -> settings;
    }
  }

  /**
   * One code.
   *
   * @param meaning what Feishu says it means, in a sentence
   * @param advice for {@link Outcome#MISCONFIGURED}: the variable to fix and the console page to
   *     visit; otherwise empty
   * @param blame the settings the setup doctor points at when the code refuses the app's
   *     credentials; {@link Blame#NOBODY} when it points at none of them
   */
  record Rule(int code, Outcome outcome, String meaning, String advice, Blame blame) {

    Rule blaming(Blame settings) {
      return new Rule(code, outcome, meaning, advice, settings);
    }
  }

  /** Feishu's rate-limit code, sent with HTTP 429 (400 on older APIs). */
  static final int RATE_LIMITED = 99991400;

  private static final String CONSOLE =
      "the developer console (open.feishu.cn/app; Lark: open.larksuite.com/app)";
  private static final String CREDENTIALS =
      CONSOLE + " → your app → Credentials & Basic Info (凭证与基础信息)";
  private static final String SECURITY = CONSOLE + " → your app → Security Settings (安全设置)";
  private static final String PERMISSIONS = CONSOLE + " → your app → Permissions & Scopes (权限管理)";
  private static final String RELEASE =
      CONSOLE + " → your app → Version Management & Release (版本管理与发布)";

  /** The shape the developer console gives App IDs ("凭证与基础信息": {@code cli_} + hex). */
  private static final Pattern APP_ID_SHAPE = Pattern.compile("cli_[0-9a-z]+");

  private static final String APP_ID_OR_BRAND =
      "check FEISHU_APP_ID and FEISHU_BRAND (a Lark app id sent to Feishu hosts, or the reverse,"
          + " is unknown there) against "
          + CREDENTIALS;

  private static final Map<Integer, Rule> RULES =
      Stream.of(
              // app_access_token / tenant_access_token (internal)
              misconfigured(
                      10003,
                      "invalid param: app_id or app_secret missing or malformed",
                      "check FEISHU_APP_ID and FEISHU_APP_SECRET (FEISHU_APP_SECRET_FILE) against "
                          + CREDENTIALS)
                  // An App ID without the console's shape is the malformed value; else the secret.
                  .blaming(
                      (message, appId) ->
                          APP_ID_SHAPE.matcher(appId).matches()
                              ? Set.of(APP_SECRET)
                              : Set.of(APP_ID)),
              misconfigured(
                      10014,
                      "app id not exists / app secret invalid (seen with HTTP 200)",
                      APP_ID_OR_BRAND + "; then FEISHU_APP_SECRET")
                  // "app id not exists" (also a Lark app id on Feishu hosts) or "app secret
                  // invalid": only the message tells which.
                  .blaming(
                      (message, appId) ->
                          message.toLowerCase(Locale.ROOT).contains("secret")
                              ? Set.of(APP_SECRET)
                              : Set.of(APP_ID, BRAND_AND_HOSTS)),
              misconfigured(
                  10013,
                  "the app is disabled (停用) in its tenant",
                  "enable the app and publish a version in " + RELEASE),
              misconfigured(
                      10015,
                      "wrong app secret (seen with HTTP 200)",
                      "check FEISHU_APP_SECRET (FEISHU_APP_SECRET_FILE) against " + CREDENTIALS)
                  .blaming(Blame.always(APP_SECRET)),
              misconfigured(
                      99991543,
                      "app_id or app_secret does not exist",
                      "check FEISHU_APP_ID and FEISHU_APP_SECRET against " + CREDENTIALS)
                  // Feishu does not say which of the two.
                  .blaming(Blame.always(APP_ID, APP_SECRET)),
              // code → user_access_token: v2 (and refresh), OIDC v1 and legacy v1
              misconfigured(
                  20001,
                  "invalid_request: a required parameter is missing or malformed",
                  "check FEISHU_REDIRECT_URI and FEISHU_APP_ID against " + CREDENTIALS),
              misconfigured(
                  20002,
                  "invalid_client: the client secret is wrong",
                  "check FEISHU_APP_SECRET (FEISHU_APP_SECRET_FILE) against " + CREDENTIALS),
              misconfigured(
                  20036,
                  "the grant_type is not supported",
                  "check FEISHU_EXCHANGE (the grant this adapter sends) and the app's type in "
                      + CREDENTIALS),
              misconfigured(
                  20063,
                  "the request is malformed: a required field is missing",
                  "check FEISHU_APP_ID and FEISHU_REDIRECT_URI against " + CREDENTIALS),
              misconfigured(
                  20067,
                  "the scope list holds the same scope twice",
                  "list each scope once in FEISHU_SCOPES; the app's scopes are in " + PERMISSIONS),
              misconfigured(
                  20068,
                  "the scope list asks for a scope the user did not grant at authorize",
                  "list the scope in FEISHU_SCOPES (asked for at authorize) and enable it in "
                      + PERMISSIONS),
              misconfigured(
                  20069,
                  "the app is not enabled",
                  "enable the app and publish a version in " + RELEASE),
              misconfigured(
                  20070,
                  "two client authentication methods were sent (Basic and client_secret)",
                  "send client_secret only (check a proxy that adds an Authorization header) with"
                      + " FEISHU_APP_SECRET from "
                      + CREDENTIALS),
              refused(20049, "PKCE: the code_verifier does not match the code_challenge"),
              refused(20003, "the code was not found"),
              refused(20004, "the code has expired"),
              refused(20065, "the code was already used"),
              stale(20014, "v1: the app_access_token sent is invalid or expired"),
              refused(20005, "v1: the user_access_token is invalid"),
              notAllowed(20008, "the user does not exist in this organisation"),
              notAllowed(20009, "the organisation has not installed the app"),
              notAllowed(20010, "the user is not allowed to use this app"),
              notAllowed(20021, "the user has resigned"),
              notAllowed(20022, "the user is frozen"),
              notAllowed(20023, "the user is not registered"),
              notAllowed(20066, "the user's status is invalid"),
              misconfigured(
                  20024,
                  "the code was issued to another app",
                  "check that FEISHU_APP_ID is the app the page runs in (" + CREDENTIALS + ")"),
              misconfigured(20048, "the app does not exist", APP_ID_OR_BRAND),
              misconfigured(
                      20046,
                      "brand inconsistency: a Feishu app on Lark hosts or the reverse",
                      "check FEISHU_BRAND (or FEISHU_OPEN_API_BASE_URL / FEISHU_ACCOUNTS_BASE_URL)"
                          + " against the app's brand in "
                          + CREDENTIALS)
                  .blaming(Blame.always(BRAND_AND_HOSTS)),
              misconfigured(
                  20027,
                  "the app asked for a scope it does not have",
                  "enable the scope in " + PERMISSIONS + " or remove it from FEISHU_SCOPES"),
              misconfigured(
                  20029,
                  "v1: the redirect_uri is not registered",
                  "add FEISHU_REDIRECT_URI to the redirect URLs in " + SECURITY),
              misconfigured(
                  20071,
                  "the redirect_uri does not match the one of the authorize request",
                  "add FEISHU_REDIRECT_URI to the redirect URLs in " + SECURITY),
              refused(20026, "the refresh token is invalid"),
              refused(20037, "the refresh token has expired"),
              refused(20064, "the refresh token was revoked"),
              refused(20073, "the refresh token was already used"),
              transientCode(20050, "server_error: internal error of the auth center"),
              transientCode(20072, "temporarily_unavailable: the auth center is overloaded"),
              // codes any OpenAPI may answer (user_info, JSSDK ticket, OIDC v1)
              transientCode(RATE_LIMITED, "rate limited; x-ogw-ratelimit-reset says how long"),
              misconfigured(
                  99991401,
                  "the caller's IP address is refused by the app's IP allow-list",
                  "add this server's egress IP to the IP allow-list (IP 白名单) in " + SECURITY),
              stale(99991663, "the tenant_access_token is invalid"),
              stale(99991664, "the app_access_token is invalid"),
              stale(99991665, "the access token is invalid"),
              refused(99991668, "the user_access_token is invalid"),
              refused(99991677, "the user_access_token has expired"),
              misconfigured(
                  99991672,
                  "the app lacks an API scope (tenant identity)",
                  "enable the scope named in the message in " + PERMISSIONS),
              misconfigured(
                  99991679,
                  "the user has not granted a scope the call needs",
                  "enable the scope in " + PERMISSIONS + " and list it in FEISHU_SCOPES"))
          .collect(Collectors.toUnmodifiableMap(Rule::code, Function.identity()));

  private FeishuErrorTable() {}

  static Optional<Rule> ruleFor(int code) {
    return Optional.ofNullable(RULES.get(code));
  }

  /** Every classified code (for the test that holds this table and the document together). */
  static Set<Integer> codes() {
    return RULES.keySet();
  }

  /**
   * The settings a refusal of the app's credentials points at: the code's {@link Blame}, none for a
   * code absent from the table.
   */
  static Set<FeishuSetting> blamedSettings(int code, String message, String appId) {
    return ruleFor(code).map(rule -> rule.blame().settings(message, appId)).orElse(Set.of());
  }

  /** Whether Feishu rejected the app or tenant token the call carried (REL-07). */
  static boolean isStaleToken(FeishuApiFailure failure) {
    return failure.code().isPresent()
        && ruleFor(failure.code().getAsInt())
            .filter(rule -> rule.outcome() == Outcome.STALE_TOKEN)
            .isPresent();
  }

  private static Rule refused(int code, String meaning) {
    return new Rule(code, Outcome.CODE_REFUSED, meaning, "", Blame.NOBODY);
  }

  private static Rule notAllowed(int code, String meaning) {
    return new Rule(code, Outcome.NOT_ALLOWED, meaning, "", Blame.NOBODY);
  }

  private static Rule misconfigured(int code, String meaning, String advice) {
    return new Rule(code, Outcome.MISCONFIGURED, meaning, advice, Blame.NOBODY);
  }

  private static Rule stale(int code, String meaning) {
    return new Rule(code, Outcome.STALE_TOKEN, meaning, "", Blame.NOBODY);
  }

  private static Rule transientCode(int code, String meaning) {
    return new Rule(code, Outcome.TRANSIENT, meaning, "", Blame.NOBODY);
  }
}
