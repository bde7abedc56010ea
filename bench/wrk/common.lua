-- Shared by the scenario scripts (loaded with dofile in every Lua state wrk creates): per-thread
-- status counters, the request headers, and done(), which appends one JSON result line.

local threads = {}

s2xx, s3xx, s4xx, s5xx, s412, issued = 0, 0, 0, 0, 0, 0
-- Scenarios that can tell it count 2xx responses that changed something (changed) and that created (created), and
-- 200s that held everything asked for (full: events-page's full pages).
changed, created, full = 0, 0, 0

-- Scenarios define next_request(); counting what was issued tells how many requests were still in flight
-- when wrk stopped (the server may have carried them out, but wrk never counts their responses). wrk also
-- calls request() once on the first thread to check the script, without sending it.
function request()
  issued = issued + 1
  return next_request()
end

function count_status(status)
  if status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then
    s4xx = s4xx + 1
    if status == 412 then s412 = s412 + 1 end
  elseif status >= 300 then s3xx = s3xx + 1
  elseif status >= 200 then s2xx = s2xx + 1 end
end

function headers_with(extra)
  local headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Accept"] = "application/json" }
  for name, value in pairs(extra or {}) do headers[name] = value end
  return headers
end

-- The lines of a file that belong to this thread, each as its list of space-separated fields: line n goes to
-- thread (n mod threads) + 1, so threads (and so their connections) never share a line.
function my_rows(path)
  local count = tonumber(os.getenv("BENCH_THREADS"))
  local rows, n = {}, 0
  for line in io.lines(path) do
    if n % count == thread_index - 1 then
      local fields = {}
      for field in line:gmatch("%S+") do fields[#fields + 1] = field end
      rows[#rows + 1] = fields
    end
    n = n + 1
  end
  if #rows == 0 then error("thread " .. thread_index .. " got no rows of " .. path) end
  return rows
end

-- This thread's lines of a "<id> <etag>" file (my_rows), as two lists.
function my_slice(path)
  local ids, etags = {}, {}
  for i, row in ipairs(my_rows(path)) do ids[i], etags[i] = row[1], row[2] end
  return ids, etags
end

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_index", #threads)
end

function done(summary, latency, requests)
  local totals = { s2xx = 0, s3xx = 0, s4xx = 0, s5xx = 0, s412 = 0, issued = 0, changed = 0, created = 0, full = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
  end
  local seconds = summary.duration / 1e6
  local in_flight = totals.issued - 1 - (totals.s2xx + totals.s3xx + totals.s4xx + totals.s5xx)
  local errors = summary.errors
  local line = string.format(
    '{"type":"api","scenario":"%s","variant":"%s","clients":%d,"phase":"%s","requests":%d,"seconds":%.3f,' ..
    '"rps":%.1f,"p50Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,"s2xx":%d,"s3xx":%d,"s4xx":%d,"s5xx":%d,"s412":%d,' ..
    '"socketErrors":%d,"timeouts":%d,"inFlight":%d,"changed":%d,"created":%d,"full":%d}\n',
    os.getenv("BENCH_SCENARIO"), os.getenv("BENCH_VARIANT"), tonumber(os.getenv("BENCH_CLIENTS")),
    os.getenv("BENCH_PHASE"), summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    totals.s2xx, totals.s3xx, totals.s4xx, totals.s5xx, totals.s412,
    errors.connect + errors.read + errors.write, errors.timeout, in_flight, totals.changed, totals.created, totals.full)
  local file = assert(io.open(os.getenv("BENCH_RESULTS"), "a"))
  file:write(line)
  file:close()
end
