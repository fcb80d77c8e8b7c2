package dev.miandeng.simulator;

import io.javalin.http.Context;

/** Reads "Authorization: Bearer <token>". */
final class BearerTokens {
  private static final String PREFIX = "Bearer ";

  private BearerTokens() {}

  /** The bearer token, or null when the header is missing or not a bearer header. */
  static String from(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String token = header.substring(PREFIX.length()).trim();
    return token.isEmpty() ? null : token;
  }
}
