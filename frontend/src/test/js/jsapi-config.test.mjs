// The page's h5sdk.config logic (the JSAPI action on the profile): node --test frontend/src/test/js
import { test } from "node:test";
import assert from "node:assert/strict";

const assets = "../../main/resources/frontend/assets/";
const { api, ApiError } = await import(`${assets}api.js`);
const { CONFIG_ERROR, ConfigError, configureForPage, JsapiError, RETRY_ONCE, showToast, signedPageUrl } = await import(`${assets}jsapi.js`);
const { t } = await import(`${assets}i18n.js`);
const { jsapiFailureView } = await import(`${assets}flow.js`);

/** A client whose h5sdk.config answers each call with the next of `answers` (null = success). */
function fakeConfigClient(answers) {
  const configs = [];
  globalThis.window = {
    h5sdk: {
      config: (options) => {
        configs.push(options);
        const failure = answers.shift();
        setTimeout(() => (failure ? options.onFail(failure) : options.onSuccess({})));
      },
    },
    tt: {},
  };
  return configs;
}

const signed = (n) => ({ appId: "cli_x", timestamp: 1700000000000 + n, nonceStr: `nonce${n}`, signature: "a".repeat(40) });

test("the signed URL is location.href without its fragment", () => {
  assert.equal(signedPageUrl("https://app.example/me?tab=1#top"), "https://app.example/me?tab=1");
  assert.equal(signedPageUrl("https://app.example/"), "https://app.example/");
});

test("h5sdk.config gets exactly the server's parameters and the jsApiList", async () => {
  const configs = fakeConfigClient([null]);
  const asked = [];
  await configureForPage({ sign: async (rejected) => (asked.push(rejected), signed(1)), jsApiList: ["showToast"] });
  assert.deepEqual(asked, [undefined]);
  const { onSuccess, onFail, ...passed } = configs[0];
  assert.deepEqual(passed, { ...signed(1), jsApiList: ["showToast"] });
});

test("a ticket or freshness failure asks the server once more with the code, then succeeds", async () => {
  for (const code of [333441, 333442, 333443, 333444]) {
    const configs = fakeConfigClient([{ errorCode: code, errorMessage: "invalid signature" }, null]);
    const asked = [];
    let n = 0;
    await configureForPage({ sign: async (rejected) => (asked.push(rejected), signed(++n)), jsApiList: ["showToast"] });
    assert.deepEqual(asked, [undefined, String(code)], `code ${code}`);
    assert.equal(configs[1].nonceStr, "nonce2", "the second config uses the new signature");
  }
});

test("the retry happens once: a second refusal reaches the caller; other codes are not retried", async () => {
  fakeConfigClient([{ errorCode: 333441 }, { errorCode: 333441 }, null]);
  let asks = 0;
  await assert.rejects(
    configureForPage({ sign: async () => (asks++, signed(asks)), jsApiList: [] }),
    (e) => e instanceof ConfigError && e.errorCode === 333441,
  );
  assert.equal(asks, 2);

  fakeConfigClient([{ errorCode: 333448 }, null]);
  asks = 0;
  await assert.rejects(configureForPage({ sign: async () => (asks++, signed(asks)), jsApiList: [] }), (e) => e.errorCode === 333448);
  assert.equal(asks, 1);
  assert.equal(RETRY_ONCE.has(CONFIG_ERROR.NOT_TRUSTED_DOMAIN), false);
});

test("the signature request is a CSRF-guarded POST with the url, and the rejected code only on a retry", async () => {
  const calls = [];
  globalThis.fetch = async (path, init) => (calls.push({ path, init }), new Response(JSON.stringify(signed(1)), { status: 200 }));
  await api.jssdkConfig("https://app.example/");
  await api.jssdkConfig("https://app.example/", "333441");
  assert.equal(calls[0].path, "/api/jssdk/config");
  assert.equal(calls[0].init.headers["X-Requested-With"], "miandeng");
  assert.deepEqual(JSON.parse(calls[0].init.body), { url: "https://app.example/" });
  assert.deepEqual(JSON.parse(calls[1].init.body), { url: "https://app.example/", rejected: "333441" });
});

test("tt.showToast: success resolves, fail rejects with its errno, no tt.showToast rejects", async () => {
  const shown = [];
  globalThis.window = { tt: { showToast: (o) => (shown.push(o.title), setTimeout(() => o.success({}))) } };
  await showToast({ title: "Hello" });
  assert.deepEqual(shown, ["Hello"]);
  globalThis.window = { tt: { showToast: (o) => setTimeout(() => o.fail({ errno: 105, errString: "authentication fail" })) } };
  await assert.rejects(showToast({ title: "x" }), (e) => e instanceof JsapiError && e.errno === 105);
  globalThis.window = {};
  await assert.rejects(showToast({ title: "x" }), (e) => e instanceof JsapiError);
});

test("each documented h5sdk.config errorCode maps to a clear message of its kind, in both languages", () => {
  globalThis.location = { origin: "https://app.example", pathname: "/", search: "" };
  const kind = (code) => jsapiFailureView(new ConfigError(code)).kind;
  assert.equal(kind(333441), "retry");
  assert.equal(kind(333442), "retry");
  assert.equal(kind(333443), "retry");
  assert.equal(kind(333444), "retry");
  assert.equal(kind(333440), "config");
  assert.equal(kind(333430), "config");
  assert.equal(kind(333447), "config");
  assert.equal(kind(333448), "config");
  assert.equal(kind(333445), "config");
  assert.equal(kind(333449), "config");
  assert.equal(kind(1014), "retry");
  assert.equal(kind(9999), "error");
  assert.equal(jsapiFailureView(new ConfigError(333448)).text, t("jsapi.domain", { code: 333448, origin: "https://app.example" }));
  assert.match(t("jsapi.domain", { code: 333448, origin: "https://app.example" }, "zh"), /H5 可信域名.*https:\/\/app\.example/);
  assert.match(jsapiFailureView(new ConfigError(333441)).text, /333441/);
});

test("server failures of the signature route map to unavailable / retry; a JSAPI failure names its errno", () => {
  assert.deepEqual(jsapiFailureView(new ApiError(503, "auth_center_unavailable", "", { retryAfter: 7 })), { kind: "unavailable", text: t("unavailable.wait", { seconds: 7 }) });
  assert.equal(jsapiFailureView(new ApiError(429, "rate_limited", "", { retryAfter: 3 })).kind, "retry");
  assert.equal(jsapiFailureView(new JsapiError(105)).text, t("jsapi.failed", { code: 105 }));
  assert.equal(jsapiFailureView(new ApiError(400, "url_not_allowed")).kind, "error");
});
