package dev.miandeng.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * One person of the simulated tenant, as the auth center knows them. The same shape is used by the
 * roster JSON file. {@code avatarUrl} may be null in a roster file: the simulator then serves its
 * own SVG avatar at {@code /avatars/{openId}.svg}. The optional fields ({@code userId}, {@code
 * email}, {@code enterpriseEmail}, {@code mobile}, {@code employeeNo}) reach user_info only when
 * the token's scope grants them (see {@link Scopes}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SimulatedUser(
    String openId,
    String unionId,
    String userId,
    String tenantKey,
    String name,
    String enName,
    String email,
    String avatarUrl,
    boolean disabled,
    String enterpriseEmail,
    String mobile,
    String employeeNo) {

  public SimulatedUser {
    Objects.requireNonNull(openId, "openId");
    Objects.requireNonNull(unionId, "unionId");
    Objects.requireNonNull(tenantKey, "tenantKey");
    Objects.requireNonNull(name, "name");
  }

  /** The same user with the given avatar URL. */
  public SimulatedUser withAvatarUrl(String url) {
    return new SimulatedUser(
        openId,
        unionId,
        userId,
        tenantKey,
        name,
        enName,
        email,
        url,
        disabled,
        enterpriseEmail,
        mobile,
        employeeNo);
  }
}
