package dev.miandeng.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The one app the simulated tenant knows. */
record AppCredentials(String appId, String appSecret) {

  boolean isApp(String candidateAppId) {
    return appId.equals(candidateAppId);
  }

  boolean secretMatches(String candidateSecret) {
    return candidateSecret != null
        && MessageDigest.isEqual(
            appSecret.getBytes(StandardCharsets.UTF_8),
            candidateSecret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AppCredentials[appId=" + appId + ", appSecret=<hidden>]";
  }
}
