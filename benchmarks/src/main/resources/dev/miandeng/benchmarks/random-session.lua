-- wrk script of the side-by-side run: every request is GET <path> with the session cookie of a
-- random one of the sessions listed (one token a line) in the file given after "--".
-- The bare server gets the same script with tokens it ignores, so wrk does the same work for both.
-- At the end one machine-readable line: WRK_RESULT requests duration_us connect read write status
-- timeout p50_us p99_us.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local cookies = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then cookies[#cookies + 1] = "mdl_session=" .. line end
  end
  assert(#cookies > 0, "no session tokens in " .. args[1])
  math.randomseed(os.time() * 1000 + (id or 0))
end

function request()
  return wrk.format("GET", wrk.path, { ["Cookie"] = cookies[math.random(#cookies)] })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %d %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(99))))
end
