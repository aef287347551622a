-- wrk script of scripts/soak.sh: a mix of the busiest reads and some writes, signed in as the office user.
-- SOAK_COOKIE, SOAK_CSRF, SOAK_CONTRACT, SOAK_PERIOD and SOAK_WRITE_PERCENT come from the environment.
local cookie = os.getenv("SOAK_COOKIE")
local csrf = os.getenv("SOAK_CSRF")
local contract = os.getenv("SOAK_CONTRACT")
local period = os.getenv("SOAK_PERIOD")
local write_percent = tonumber(os.getenv("SOAK_WRITE_PERCENT") or "10")

local reads = {
  "/api/v1/contracts?page=1&page_size=20",
  "/api/v1/vendors?page=1&page_size=20&sort=name&order=asc",
  "/api/v1/assessments?page=1&page_size=20",
  "/api/v1/dashboard",
  "/api/v1/contracts?page=1&page_size=20&status=active",
}

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local counter = 0
function init(args)
  server_errors = 0
  client_errors = 0
  writes = 0
  math.randomseed(id * 7919)
end

function request()
  counter = counter + 1
  local headers = { ["Cookie"] = "houqin_session=" .. cookie }
  if math.random(100) <= write_percent then
    writes = writes + 1
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    local body = string.format(
      '{"kind":"%s","period":"%s","amount":"0.01","reason":"soak %d-%d"}',
      (counter % 2 == 0) and "deduction" or "reward", period, id, counter)
    return wrk.format("POST", "/api/v1/contracts/" .. contract .. "/ledger", headers, body)
  end
  return wrk.format("GET", reads[(counter % #reads) + 1], headers)
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  end
end

function done(summary, latency, requests)
  local s5, s4, w = 0, 0, 0
  for _, thread in ipairs(threads) do
    s5 = s5 + thread:get("server_errors")
    s4 = s4 + thread:get("client_errors")
    w = w + thread:get("writes")
  end
  io.write(string.format("soak-interval: requests=%d 5xx=%d 4xx=%d writes=%d socket_errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, s5, s4, w,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
