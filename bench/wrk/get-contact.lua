-- GET /network/contacts/{id}, cycling through this thread's contacts (BENCH_CONTACTS); with BENCH_INM=1
-- it sends If-None-Match with the contact's ETag, so the expected answer is 304.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids, etags, current, conditional

function init(args)
  ids, etags = my_slice(os.getenv("BENCH_CONTACTS"))
  current = 0
  conditional = os.getenv("BENCH_INM") == "1"
end

function next_request()
  current = current % #ids + 1
  local extra = conditional and { ["If-None-Match"] = etags[current] } or nil
  return wrk.format("GET", "/api/v1/network/contacts/" .. ids[current], headers_with(extra))
end

function response(status, headers, body)
  count_status(status)
end
