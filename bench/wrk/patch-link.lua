-- PATCH /network/links/{id} with If-Match from the previous response's ETag. One connection per thread,
-- each on its own links (BENCH_LINKS: "<id> <etag>" lines), so 412s are not the load. Every body sets a
-- jobTitle never sent before, so every 200 is a real change (a no-op PATCH moves no version).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids, etags, current, sent, nonce

function init(args)
  ids, etags = my_slice(os.getenv("BENCH_LINKS"))
  current, sent = 0, 0
  nonce = os.getenv("BENCH_NONCE") .. "-" .. thread_index
end

function next_request()
  current = current % #ids + 1
  sent = sent + 1
  local body = '{"jobTitle":"Title ' .. nonce .. "-" .. sent .. '"}'
  return wrk.format("PATCH", "/api/v1/network/links/" .. ids[current],
    headers_with({ ["If-Match"] = etags[current], ["Content-Type"] = "application/json" }), body)
end

function response(status, headers, body)
  count_status(status)
  -- 200 carries the new ETag, 412 the current one: either way the next PATCH of this link can succeed.
  local etag = headers["ETag"] or headers["etag"] or headers["Etag"]
  if etag then etags[current] = etag end
end
