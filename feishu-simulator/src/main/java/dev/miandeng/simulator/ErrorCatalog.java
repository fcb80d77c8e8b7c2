package dev.miandeng.simulator;

import java.util.Map;

/**
 * The auth center's error codes with their standard message and OAuth 2.0 error name. Sources: the
 * error tables of "get-user-access-token" (v2), "oidc/access_token" (v1, historic version),
 * "login-state-management/get" (user_info), the FAQ of "obtain-oauth-code" (20027) and the generic
 * error codes page "generic-error-code" (10003, 10014, 10015, 20014, 99991xxx).
 */
final class ErrorCatalog {
  static final int INVALID_PARAM = 10003;
  static final int APP_ID_NOT_EXISTS = 10014;
  static final int WRONG_APP_SECRET = 10015;
  static final int APP_TOKEN_INVALID_V1 = 20014;
  static final int SCOPE_NOT_ENABLED = 20027;
  static final int UNSUPPORTED_GRANT_TYPE = 20036;
  static final int PKCE_FAILED = 20049;
  static final int SCOPE_DUPLICATED = 20067;
  static final int SCOPE_NOT_GRANTED = 20068;
  static final int INVALID_REQUEST = 20001;
  static final int BAD_CLIENT_SECRET = 20002;
  static final int CODE_NOT_FOUND = 20003;
  static final int CODE_EXPIRED = 20004;
  static final int USER_NOT_ALLOWED = 20010;
  static final int CODE_OF_ANOTHER_APP = 20024;
  static final int REFRESH_INVALID = 20026;
  static final int REDIRECT_URI_NOT_ALLOWED_V1 = 20029;
  static final int REFRESH_EXPIRED = 20037;
  static final int APP_NOT_FOUND = 20048;
  static final int REFRESH_REVOKED = 20064;
  static final int CODE_USED = 20065;
  static final int REDIRECT_URI_MISMATCH = 20071;
  static final int TWO_CLIENT_AUTH_METHODS = 20070;
  static final int TEMPORARILY_UNAVAILABLE = 20072;
  static final int REFRESH_USED = 20073;
  static final int RATE_LIMITED = 99991400;
  static final int APP_CREDENTIALS_INVALID = 99991543;
  static final int APP_TOKEN_INVALID = 99991663;
  static final int USER_TOKEN_INVALID = 99991668;
  static final int USER_TOKEN_EXPIRED = 99991677;
  static final int USER_SCOPE_NOT_GRANTED = 99991679;

  /** task/v2 list: a parameter is wrong (page_size out of 1-100, an unknown type); HTTP 400. */
  static final int TASK_BAD_PARAM = 1470400;

  static final int BAD_REQUEST = 9499;

  private record Entry(String oauthError, String message) {}

  private static final Map<Integer, Entry> ENTRIES =
      Map.ofEntries(
          Map.entry(INVALID_REQUEST, new Entry("invalid_request", "invalid request")),
          Map.entry(BAD_CLIENT_SECRET, new Entry("invalid_client", "client secret is invalid")),
          Map.entry(CODE_NOT_FOUND, new Entry("invalid_grant", "the code is not found")),
          Map.entry(CODE_EXPIRED, new Entry("invalid_grant", "the code has expired")),
          Map.entry(20008, new Entry("invalid_grant", "user does not exist")),
          Map.entry(
              USER_NOT_ALLOWED, new Entry("access_denied", "user is not allowed to use the app")),
          Map.entry(
              CODE_OF_ANOTHER_APP,
              new Entry("invalid_grant", "the code was issued to another app")),
          Map.entry(REFRESH_INVALID, new Entry("invalid_grant", "refresh token is invalid")),
          Map.entry(
              REDIRECT_URI_NOT_ALLOWED_V1,
              new Entry("invalid_request", "redirect_uri is not allowed")),
          Map.entry(REFRESH_EXPIRED, new Entry("invalid_grant", "refresh token has expired")),
          Map.entry(APP_NOT_FOUND, new Entry("invalid_client", "the app does not exist")),
          Map.entry(20050, new Entry("server_error", "internal server error")),
          Map.entry(REFRESH_REVOKED, new Entry("invalid_grant", "refresh token has been revoked")),
          Map.entry(CODE_USED, new Entry("invalid_grant", "the code has already been used")),
          Map.entry(
              REDIRECT_URI_MISMATCH,
              new Entry("invalid_grant", "redirect_uri does not match the authorization")),
          Map.entry(
              TEMPORARILY_UNAVAILABLE,
              new Entry("temporarily_unavailable", "service temporarily unavailable")),
          Map.entry(
              REFRESH_USED, new Entry("invalid_grant", "refresh token has already been used")),
          Map.entry(RATE_LIMITED, new Entry("rate_limited", "request trigger frequency limit")),
          Map.entry(
              APP_CREDENTIALS_INVALID,
              new Entry("invalid_client", "app_id or app_secret is invalid")),
          Map.entry(
              APP_TOKEN_INVALID,
              new Entry("invalid_token", "Invalid access token for authorization")),
          Map.entry(99991664, new Entry("invalid_token", "Invalid app access token")),
          Map.entry(99991665, new Entry("invalid_token", "Invalid tenant access token")),
          Map.entry(USER_TOKEN_INVALID, new Entry("invalid_token", "Invalid access token")),
          Map.entry(USER_TOKEN_EXPIRED, new Entry("invalid_token", "Authentication token expire")),
          Map.entry(BAD_REQUEST, new Entry("invalid_request", "Bad Request")),
          Map.entry(INVALID_PARAM, new Entry("invalid_request", "invalid param")),
          // The message Feishu was seen to send with HTTP 200 (brief section 5); the generic
          // error-code page names 10014 "app unauthorized".
          Map.entry(APP_ID_NOT_EXISTS, new Entry("invalid_client", "app id not exists")),
          Map.entry(WRONG_APP_SECRET, new Entry("invalid_client", "wrong app secret")),
          Map.entry(
              APP_TOKEN_INVALID_V1,
              new Entry(
                  "invalid_token",
                  "The app access token passed is invalid. Please check the value")),
          Map.entry(
              SCOPE_NOT_ENABLED,
              new Entry("invalid_scope", "the app has not enabled a requested scope")),
          Map.entry(
              UNSUPPORTED_GRANT_TYPE,
              new Entry("unsupported_grant_type", "The specified grant_type is not supported.")),
          Map.entry(
              TWO_CLIENT_AUTH_METHODS,
              new Entry("invalid_client", "more than one client authentication method was used")),
          Map.entry(PKCE_FAILED, new Entry("invalid_grant", "PKCE code challenge failed.")),
          Map.entry(
              SCOPE_DUPLICATED,
              new Entry(
                  "invalid_scope",
                  "The provided scope list contains duplicate scopes. Please ensure all scopes"
                      + " are unique.")),
          Map.entry(
              SCOPE_NOT_GRANTED,
              new Entry(
                  "invalid_scope",
                  "The provided scope list contains scopes that are not permitted. Please ensure"
                      + " all scopes are allowed.")));

  private ErrorCatalog() {}

  static String messageOf(int code) {
    Entry entry = ENTRIES.get(code);
    return entry == null ? "simulated failure" : entry.message();
  }

  static String oauthErrorOf(int code) {
    Entry entry = ENTRIES.get(code);
    return entry == null ? "server_error" : entry.oauthError();
  }
}
