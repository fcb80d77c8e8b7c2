package dev.miandeng.application.session;

import dev.miandeng.domain.session.SessionToken;
import dev.miandeng.domain.user.User;
import java.util.Objects;

/** Driving port: who holds this session token, if anyone. The hot path of every request. */
public interface CurrentUserUseCase {

  /**
   * @return the user and their (possibly just touched) session, or anonymous
   * @throws dev.miandeng.domain.store.StoreUnavailableException the session or user store cannot be
   *     reached
   */
  Result current(SessionToken token);

  sealed interface Result {}

  record Authenticated(User user) implements Result {
    public Authenticated {
      Objects.requireNonNull(user, "user");
    }
  }

  /** No such session, or it is over: the same answer either way (SEC-02). */
  record Anonymous() implements Result {}
}
