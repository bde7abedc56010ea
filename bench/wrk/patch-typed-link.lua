-- PATCH /links/{id} on a typed link (API.md 6): an RFC 6902 JSON Patch (application/json-patch+json) that replaces
-- the link's displayLabel and its non-restricted field `note` with values never sent before, with If-Match from the
-- previous response's ETag, so every 200 moves the link's version (the restricted field `reference`, which the seed
-- filled, is left alone).
--
-- BENCH_TYPED_LINKS: "<id> <etag>" per line, the links' versions read from the database just before the run (pgbench
-- and earlier runs moved them). Each wrk thread works on its own links (line n goes to thread n mod threads), round
-- robin, its connections sharing them: a link comes round again only after the whole slice, so two requests in
-- flight never carry the same link, and by then its previous answer is in; 412s are not the load. A response is
-- matched to its link by the id it names (the body's "id" for a 200, the problem's "instance" path for a 412), since
-- wrk does not say which request a response answers; its ETag becomes the link's. A 200 whose version is above the
-- one known before counts as changed: with this design every 200 should (bench/README.md).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local ids, etags, slot, current, sent, nonce

function init(args)
  ids, etags = my_slice(os.getenv("BENCH_TYPED_LINKS"))
  if #ids < 4 * tonumber(os.getenv("BENCH_CLIENTS")) then error("too few typed links per thread for the connections") end
  slot = {}
  for i, id in ipairs(ids) do slot[id] = i end
  current, sent = 0, 0
  nonce = os.getenv("BENCH_NONCE") .. "-" .. thread_index
end

local function version_of(etag)
  return tonumber(etag and etag:match("(%d+)"))
end

function next_request()
  current = current % #ids + 1
  sent = sent + 1
  local mark = nonce .. "-" .. sent
  local body = '[{"op":"replace","path":"/displayLabel","value":"Label ' .. mark .. '"},' ..
    '{"op":"add","path":"/fieldValues/note","value":"Note ' .. mark .. '"}]'
  return wrk.format("PATCH", "/api/v1/links/" .. ids[current],
    headers_with({ ["If-Match"] = etags[current], ["Content-Type"] = "application/json-patch+json" }), body)
end

function response(status, headers, body)
  count_status(status)
  -- 200 carries the new ETag, 412 the current one: either way the next PATCH of this link can succeed.
  local etag = headers["ETag"] or headers["etag"] or headers["Etag"]
  local id = body:match('"id"%s*:%s*"([%x-]+)"') or body:match('/links/([%x-]+)')
  local i = id and slot[id]
  if not (etag and i) then return end
  local before, after = version_of(etags[i]), version_of(etag)
  if status == 200 and before and after and after > before then changed = changed + 1 end
  etags[i] = etag
end
