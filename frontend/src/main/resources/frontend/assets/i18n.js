// Every sentence the page shows, in Chinese and English. navigator.language decides (zh* -> Chinese).
// Placeholders {name} are filled by t(); the result is always inserted as text, never as HTML.

const STRINGS = {
  en: {
    appName: "Miandeng",
    "loading.title": "Signing you in…",
    "loading.me": "Checking whether you are already signed in…",
    "loading.client": "Asking Feishu who you are…",
    "loading.session": "Signing you in…",
    "loading.logout": "Logging you out…",
    "profile.title": "You are signed in",
    "profile.message": "Feishu told us who you are; no password was needed.",
    "profile.avatarAlt": "Avatar of {name}",
    "browser.title": "Log in with Feishu",
    "browser.message": "You opened this page in an ordinary browser. Log in with your Feishu account to continue.",
    "browser.hint": "Inside the Feishu app no login is needed: open this page there and you are signed in automatically.",
    "refused.title": "Not signed in",
    "refused.access": "You did not allow this app to know who you are, so you are not signed in.",
    "refused.code": "Feishu's one-time login code was not accepted (it may have expired). Try again for a new one.",
    "config-error.title": "This app is not set up correctly",
    "config-error.message": "Feishu would not give this page a login code because the page's address is not in the app's redirect URL list (error {errno}).",
    "config-error.fix": "Administrator: in the Feishu developer console open this app → Security settings → Redirect URLs, add the address below, then publish a new app version:",
    "not-visible.title": "You cannot use this app yet",
    "not-visible.message": "This app is not available to your Feishu account. Ask your administrator to add you to the app's availability range.",
    "unavailable.title": "Sign-in is temporarily unavailable",
    "unavailable.message": "Feishu or our server is not answering right now. Nothing is wrong with your account.",
    "unavailable.wait": "Please try again in {seconds} seconds.",
    "unavailable.soon": "Please try again in a moment.",
    "logged-out.title": "You are logged out",
    "logged-out.message": "Your session on this device has ended.",
    "logged-out.everywhere": "Your sessions on all devices have ended.",
    "error.title": "Something went wrong",
    "error.generic": "The sign-in did not work. Please try again.",
    "error.network": "Could not reach the server. Check your connection and try again.",
    "error.user_not_allowed": "Your account is not allowed to use this app. Ask your administrator.",
    "error.tenant_not_allowed": "Your organisation is not allowed to use this app. Ask your administrator.",
    "error.server_misconfigured": "The server's Feishu settings are wrong. Administrator: see the server log.",
    "error.login_state_invalid": "This sign-in attempt has expired or was already used. Please start again.",
    "error.not_found": "There is nothing at this address.",
    "error.rate_limited": "Too many attempts. Please wait {seconds} seconds and try again.",
    "error.client": "The Feishu app could not provide a login code (error {errno}).",
    "error.reference": "Reference: {id}",
    "action.retry": "Try again",
    "action.login": "Log in with Feishu",
    "action.loginAgain": "Log in again",
    "action.logout": "Log out",
    "action.logoutEverywhere": "Log out on all devices",
  },
  zh: {
    appName: "免登",
    "loading.title": "正在登录…",
    "loading.me": "正在检查你是否已登录…",
    "loading.client": "正在向飞书确认你的身份…",
    "loading.session": "正在登录…",
    "loading.logout": "正在退出登录…",
    "profile.title": "你已登录",
    "profile.message": "飞书已确认你的身份，无需输入密码。",
    "profile.avatarAlt": "{name}的头像",
    "browser.title": "使用飞书登录",
    "browser.message": "你正在普通浏览器中打开此页面。请使用飞书账号登录后继续。",
    "browser.hint": "在飞书客户端内打开此页面无需登录，会自动识别你的身份。",
    "refused.title": "未登录",
    "refused.access": "你没有允许此应用获取你的身份，因此未登录。",
    "refused.code": "飞书的一次性登录码未被接受（可能已过期）。请重试以获取新的登录码。",
    "config-error.title": "应用配置有误",
    "config-error.message": "此页面的地址不在应用的重定向 URL 列表中，飞书拒绝提供登录码（错误码 {errno}）。",
    "config-error.fix": "管理员：请在飞书开发者后台打开此应用 → 安全设置 → 重定向 URL，添加下面的地址，然后发布新版本：",
    "not-visible.title": "你暂时无法使用此应用",
    "not-visible.message": "此应用对你的飞书账号不可见。请联系管理员将你加入应用的可用范围。",
    "unavailable.title": "登录服务暂时不可用",
    "unavailable.message": "飞书或我们的服务器暂时没有响应，你的账号没有问题。",
    "unavailable.wait": "请在 {seconds} 秒后重试。",
    "unavailable.soon": "请稍后重试。",
    "logged-out.title": "你已退出登录",
    "logged-out.message": "你在此设备上的会话已结束。",
    "logged-out.everywhere": "你在所有设备上的会话都已结束。",
    "error.title": "出错了",
    "error.generic": "登录没有成功，请重试。",
    "error.network": "无法连接服务器，请检查网络后重试。",
    "error.user_not_allowed": "你的账号无权使用此应用，请联系管理员。",
    "error.tenant_not_allowed": "你所在的组织无权使用此应用，请联系管理员。",
    "error.server_misconfigured": "服务器的飞书配置有误。管理员：请查看服务器日志。",
    "error.login_state_invalid": "此次登录已过期或已被使用，请重新开始。",
    "error.not_found": "此地址没有内容。",
    "error.rate_limited": "尝试次数过多，请等待 {seconds} 秒后重试。",
    "error.client": "飞书客户端未能提供登录码（错误码 {errno}）。",
    "error.reference": "参考编号：{id}",
    "action.retry": "重试",
    "action.login": "使用飞书登录",
    "action.loginAgain": "重新登录",
    "action.logout": "退出登录",
    "action.logoutEverywhere": "在所有设备上退出",
  },
};

export function pickLanguage(languages) {
  return /^zh\b/i.test(String(languages?.[0] ?? "")) ? "zh" : "en";
}

export const lang = pickLanguage([globalThis.navigator?.language]);

export function t(key, vars = {}, language = lang) {
  const text = STRINGS[language][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Sets <html lang> so screen readers pronounce the page in the right language. */
export function applyDocumentLanguage(doc = document) {
  doc.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}

export const languages = Object.keys(STRINGS);
export const keysOf = (language) => Object.keys(STRINGS[language]);
