-- wrk script of bench/http: the application submit POST, the way the form
-- page posts it (url-encoded form, CSRF token, our Origin), as signed-in
-- applicants in turn.
--
-- BENCH_SUBMIT_FILE holds one applicant a line, tab-separated:
--   application id, Cookie header, CSRF token, the form without q.motivation
-- Each wrk thread takes every n-th line (n = BENCH_WRK_THREADS) and cycles
-- through its applicants, one request each. The motivation carries a
-- counter, so every request changes the application: each is a real write
-- (validation, the update, its audit row), not the no-op of a repeated
-- identical form.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local rows = {}
local counter = 0
local origin = os.getenv("BENCH_ORIGIN")
local motivation = "To+learn+how+other+cities+run+their+training+programmes+and+share+it+back+home."

function init(args)
  local n = 0
  local every = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
  for line in io.lines(os.getenv("BENCH_SUBMIT_FILE")) do
    local app, cookie, csrf, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if app and n % every == id then
      table.insert(rows, { app = app, cookie = cookie, csrf = csrf, body = body })
    end
    n = n + 1
  end
  if #rows == 0 then
    error("no applicants for thread " .. id)
  end
end

function request()
  counter = counter + 1
  local r = rows[(counter % #rows) + 1]
  local body = r.body .. "&q.motivation=" .. motivation .. "+%28revision+" .. id .. "-" .. counter
    .. "%29&csrf_token=" .. r.csrf
  return wrk.format("POST", "/applications/" .. r.app .. "/submit", {
    ["Cookie"] = r.cookie,
    ["Origin"] = origin,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
