-- wrk script: POST /auth/token grant_type=password (client "api") for one pre-registered user.
--
-- Usage: wrk -t T -c C ... -s signin.lua http://127.0.0.1:8080 -- <email> <password>
--   the password must not need URL-encoding (run.sh uses letters, digits and '-').
-- Every 200 starts a new session (a refresh-token family) for the user. Non-200 answers are counted
-- and printed by done(); note that the service throttles sign-ins per client address (60/min by
-- default), so run.sh starts it with that limit raised.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

responses = 0
non200 = 0
statuses = {}
samples = {}

function init(args)
   local email, password = args[1], args[2]
   if not email or not password then
      error("usage: -- <email> <password>")
   end
   wrk.method = "POST"
   wrk.path = "/auth/token"
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   wrk.headers["Accept"] = "application/json"
   wrk.body = "grant_type=password&client_id=api&username=" .. string.gsub(email, "@", "%%40") .. "&password=" .. password
end

function response(status, headers, body)
   responses = responses + 1
   if status == 200 then
      return
   end
   non200 = non200 + 1
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
   if #samples < 5 then
      table.insert(samples, key .. " " .. string.sub(body or "", 1, 300))
   end
end

function done(summary, latency, requests)
   local total_responses, total_non200 = 0, 0
   local by_status, all_samples = {}, {}
   for _, thread in ipairs(threads) do
      total_responses = total_responses + (thread:get("responses") or 0)
      total_non200 = total_non200 + (thread:get("non200") or 0)
      for status, n in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + n
      end
      for _, sample in ipairs(thread:get("samples") or {}) do
         if #all_samples < 5 then table.insert(all_samples, sample) end
      end
   end
   io.write(string.format("responses seen by Lua: %d, non-200: %d\n", total_responses, total_non200))
   for status, n in pairs(by_status) do
      io.write(string.format("  status %s: %d\n", status, n))
   end
   for _, sample in ipairs(all_samples) do
      io.write("  sample: " .. sample .. "\n")
   end
   -- wrk corrects its latency statistics for coordinated omission (see refresh.lua); with sign-in latencies
   -- close to the per-connection interval the correction adds little: mean x rate stays close to the
   -- number of connections (Little's law) when it does not distort.
   io.write(string.format("check: wrk mean latency x request rate = %.1f (connections busy on average)\n",
      latency.mean * summary.requests / summary.duration))
   local e = summary.errors
   io.write(string.format(
      "RESULT scenario=signin requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f non200=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      total_non200, e.connect + e.read + e.write + e.timeout))
end
