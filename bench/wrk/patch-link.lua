-- PATCH /network/links/{id} with If-Match from the previous response's ETag. Each wrk thread works on its
-- own links (BENCH_LINKS: "<id> <etag>" lines), round robin, with its connections sharing them: a link comes
-- round again only after the whole slice, so two requests in flight never carry the same link and 412s are
-- not the load. A response is matched to its link by the id it names (the body's "id" for a 200, the
-- problem's "instance" path for a 412), since wrk does not say which request a response answers. Every body
-- sets a jobTitle never sent before, so every 200 is a real change (a no-op PATCH moves no version).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids, etags, slot, current, sent, nonce

function init(args)
  ids, etags = my_slice(os.getenv("BENCH_LINKS"))
  if #ids < 4 * tonumber(os.getenv("BENCH_CLIENTS")) then error("too few links per thread for the connections") end
  slot = {}
  for i, id in ipairs(ids) do slot[id] = i end
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
  local id = body:match('"id"%s*:%s*"([%x-]+)"') or body:match('/links/([%x-]+)')
  if etag and id and slot[id] then etags[slot[id]] = etag end
end
