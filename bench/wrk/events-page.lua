-- GET /api/v1/events?after=<cursor>&limit=100: a page of the change feed after a cursor drawn at random per request
-- from BENCH_CURSORS (py/cursors.py: positions from which the page is full), so the reads spread over the whole feed as
-- many readers' would. A 200 holding the whole page (100 events, counted by their "cursor" members) counts as full.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local requests

function init(args)
  requests = {}
  for cursor in io.lines(os.getenv("BENCH_CURSORS")) do
    requests[#requests + 1] = wrk.format("GET", "/api/v1/events?after=" .. cursor .. "&limit=100", headers_with())
  end
  if #requests == 0 then error("no cursors in " .. os.getenv("BENCH_CURSORS")) end
  math.randomseed(os.time() * 100 + thread_index)
end

function next_request()
  return requests[math.random(#requests)]
end

function response(status, headers, body)
  count_status(status)
  if status == 200 then
    local events, at = 0, 1
    while true do
      at = body:find('"cursor":', at, true)
      if not at then break end
      events, at = events + 1, at + 9
    end
    if events == 100 then full = full + 1 end
  end
end
