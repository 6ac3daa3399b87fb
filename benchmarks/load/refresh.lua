-- wrk script: POST /auth/token grant_type=refresh_token where EVERY request rotates.
--
-- Usage: wrk -t T -c C ... -s refresh.lua http://127.0.0.1:8080 -- <tokens-file> <T>
--   <tokens-file>: one refresh token per line (client "api", one session each), at least C lines,
--   written by run.sh before the run.
--
-- Each wrk thread takes every T-th line of the file (line i goes to thread i mod T), i.e. C/T sessions
-- for its C/T connections. A thread keeps its sessions' current refresh tokens in a FIFO: request() takes
-- one out, response() puts the successor parsed from the 200 body back. wrk's Lua cannot tell which
-- connection a response belongs to, but it does not need to: with one request in flight per connection
-- and exactly as many chains as connections, every chain has at most one request in flight, so no token
-- is ever presented twice (no reuse, no grace hit) and every request is a real rotation.
-- wrk itself calls request() once on thread 0 before any connection exists (script_verify_request() in
-- wrk.c, to count pipelined requests) and never sends that request: thread 0 answers that first call
-- without taking a token, or it would start one chain short.
-- Raw latency: wrk's own latency statistics are corrected for coordinated omission (wrk.c stats_correct():
-- every response slower than twice the mean per-connection interval adds synthetic samples), so they are
-- not what the 16 clients experienced. This script also records the raw latency of every 200: a refresh
-- token is <family id>.<generation>.<proof>, so request() notes the send time under the family id and
-- response() finds it through the family id of the successor. It also checks that every 200 advanced its
-- family's generation by exactly one (a real rotation, not a grace replay).
-- A non-200 loses its chain (its successor is unknown); should a thread run out of chains it sends a
-- deliberately invalid token, which the service answers 400, so the loss shows in the non-200 count.

local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } gh_timespec;
int clock_gettime(int clock_id, gh_timespec *tp);
]]
local timespec = ffi.new("gh_timespec")
local function now_us()
   ffi.C.clock_gettime(1, timespec)            -- CLOCK_MONOTONIC
   return tonumber(timespec.tv_sec) * 1000000 + math.floor(tonumber(timespec.tv_nsec) / 1000)
end

local counter = 0
local threads = {}

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local queue, head, tail
local form_prefix = "grant_type=refresh_token&client_id=api&refresh_token="

-- per-thread counters, read by done() through thread:get()
responses = 0
rotations = 0
bad_rotations = 0
raw = {}              -- latency in microseconds -> count, for 200s
sent = {}             -- family id -> send time (us)
generation = {}       -- family id -> generation of the token last sent
non200 = 0
starved = 0
statuses = {}
samples = {}

function init(args)
   local file, nthreads = args[1], tonumber(args[2])
   if not file or not nthreads then
      error("usage: -- <tokens-file> <threads>")
   end
   queue, head, tail = {}, 1, 0
   local i = 0
   for line in io.lines(file) do
      if line ~= "" then
         if i % nthreads == id then
            tail = tail + 1
            queue[tail] = line
         end
         i = i + 1
      end
   end
   if tail == 0 then
      error("thread " .. id .. " got no refresh tokens from " .. file)
   end
   wrk.method = "POST"
   wrk.path = "/auth/token"
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   wrk.headers["Accept"] = "application/json"
   verify_call_pending = (id == 0)
end

function request()
   local token, family, gen
   if verify_call_pending then
      verify_call_pending = false
      return wrk.format(nil, nil, nil, form_prefix .. "wrk-verify-call-never-sent")
   end
   if head <= tail then
      token = queue[head]
      queue[head] = nil
      head = head + 1
   else
      starved = starved + 1
      token = "starved-no-refresh-token-left"
   end
   family, gen = string.match(token, "^([^.]+)%.(%d+)%.")
   if family then
      generation[family] = tonumber(gen)
      sent[family] = now_us()
   end
   return wrk.format(nil, nil, nil, form_prefix .. token)
end

function response(status, headers, body)
   responses = responses + 1
   if status == 200 then
      local token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
      if token then
         local t = now_us()
         local family, gen = string.match(token, "^([^.]+)%.(%d+)%.")
         if family and sent[family] then
            local us = t - sent[family]
            raw[us] = (raw[us] or 0) + 1
            sent[family] = nil
            if tonumber(gen) == generation[family] + 1 then
               rotations = rotations + 1
            else
               bad_rotations = bad_rotations + 1
            end
         else
            bad_rotations = bad_rotations + 1
         end
         tail = tail + 1
         queue[tail] = token
         return
      end
   end
   non200 = non200 + 1
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
   if #samples < 5 then
      table.insert(samples, key .. " " .. string.sub(body or "", 1, 300))
   end
end

function done(summary, latency, requests)
   local total_responses, total_non200, total_starved = 0, 0, 0
   local total_rotations, total_bad = 0, 0
   local by_status, all_samples, merged = {}, {}, {}
   for _, thread in ipairs(threads) do
      total_rotations = total_rotations + (thread:get("rotations") or 0)
      total_bad = total_bad + (thread:get("bad_rotations") or 0)
      for us, n in pairs(thread:get("raw") or {}) do
         merged[us] = (merged[us] or 0) + n
      end
      total_responses = total_responses + (thread:get("responses") or 0)
      total_non200 = total_non200 + (thread:get("non200") or 0)
      total_starved = total_starved + (thread:get("starved") or 0)
      for status, n in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + n
      end
      for _, sample in ipairs(thread:get("samples") or {}) do
         if #all_samples < 5 then table.insert(all_samples, sample) end
      end
   end
   io.write(string.format("responses seen by Lua: %d, non-200: %d, requests without a chain: %d\n",
      total_responses, total_non200, total_starved))
   for status, n in pairs(by_status) do
      io.write(string.format("  status %s: %d\n", status, n))
   end
   for _, sample in ipairs(all_samples) do
      io.write("  sample: " .. sample .. "\n")
   end
   io.write(string.format("rotations checked (generation + 1): %d, not a +1 rotation: %d\n", total_rotations, total_bad))
   -- raw latency percentiles of the 200s
   local values, count, sum = {}, 0, 0
   for us, n in pairs(merged) do
      table.insert(values, us)
      count = count + n
      sum = sum + us * n
   end
   table.sort(values)
   local function raw_percentile(p)
      local rank, seen = math.max(1, math.ceil(p / 100 * count)), 0
      for _, us in ipairs(values) do
         seen = seen + merged[us]
         if seen >= rank then return us end
      end
      return 0
   end
   if count > 0 then
      io.write(string.format(
         "RAW scenario=refresh samples=%d mean_us=%.0f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d little_concurrency=%.1f\n",
         count, sum / count, raw_percentile(50), raw_percentile(90), raw_percentile(99), raw_percentile(99.9),
         values[#values], sum / summary.duration))
   end
   local e = summary.errors
   io.write(string.format(
      "RESULT scenario=refresh requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f non200=%d socket_errors=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      total_non200, e.connect + e.read + e.write + e.timeout))
end
