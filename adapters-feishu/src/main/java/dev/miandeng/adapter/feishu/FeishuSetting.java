package dev.miandeng.adapter.feishu;

/**
 * A setting of this adapter that a Feishu refusal can point the operator at; the setup doctor names
 * its variables. Which codes point at which setting is {@link FeishuErrorTable}'s to say.
 */
public enum FeishuSetting {
  /** {@code FEISHU_APP_ID}. */
  APP_ID,
  /** {@code FEISHU_APP_SECRET} (or the file {@code FEISHU_APP_SECRET_FILE} names). */
  APP_SECRET,
  /** The brand: a Feishu app needs the feishu.cn hosts, a Lark app the larksuite.com hosts. */
  BRAND_AND_HOSTS
}
