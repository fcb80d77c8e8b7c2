package dev.miandeng.adapter.feishu;

/** Feishu said {@code code: 0} but the answer lacks what the documentation promises. */
final class FeishuAnswerMalformed extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  FeishuAnswerMalformed(String message) {
    super(message);
  }
}
