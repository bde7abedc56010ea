-- POST /links/upsert on its update path: a claim -> contact pair that is already linked, both sides named by id,
-- with newRelationship the other of the pair's two relationship types than the one it has, so every request
-- retypes the link: one version moved and two link.updated actions (API.md 5.4, "set to newRelationship").
--
-- BENCH_PAIRS: "<parentId> <childId> <relationship> <version>" per line, the pairs' state read from the database
-- just before the run (pgbench and earlier runs retyped them). Each wrk thread works on its own pairs (line n goes
-- to thread n mod threads), round robin, its connections sharing them: a pair comes round again only after the
-- whole slice, so two requests in flight never carry the same pair, and by then its previous answer is in. The
-- seed puts consecutive pairs on different claims, so the requests in flight also hold different parents' locks
-- (upserts of one parent queue, ADR 12): the load is spread, not serialized.
-- A response is matched to its pair by the parentId and childId it names; its relationship and version become
-- the pair's state. A 200 whose version is above the one known before counts as changed: with this design every
-- 200 should (bench/README.md); a 201 would mean the pair had no live link and counts as created.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local OTHER = { claimant = "witness", witness = "claimant" }
local parents, children, types, versions, slot, current, headers

function init(args)
  local rows = my_rows(os.getenv("BENCH_PAIRS"))
  if #rows < 4 * tonumber(os.getenv("BENCH_CLIENTS")) then error("too few pairs per thread for the connections") end
  parents, children, types, versions, slot = {}, {}, {}, {}, {}
  for i, row in ipairs(rows) do
    parents[i], children[i], types[i], versions[i] = row[1], row[2], row[3], tonumber(row[4])
    if not OTHER[types[i]] then error("pair " .. row[1] .. " " .. row[2] .. " has relationship " .. tostring(row[3])) end
    slot[row[1] .. " " .. row[2]] = i
  end
  current = 0
  headers = headers_with({ ["Content-Type"] = "application/json" })
end

function next_request()
  current = current % #parents + 1
  local body = '{"parentDomain":"Claim","parentRecordId":"' .. parents[current] ..
    '","childDomain":"Contact","childRecordId":"' .. children[current] ..
    '","newRelationship":"' .. OTHER[types[current]] .. '"}'
  return wrk.format("POST", "/api/v1/links/upsert", headers, body)
end

function response(status, headers, body)
  count_status(status)
  if status == 201 then created = created + 1 end
  if status ~= 200 and status ~= 201 then return end
  local parent = body:match('"parentId"%s*:%s*"([%x-]+)"')
  local child = body:match('"childId"%s*:%s*"([%x-]+)"')
  local i = parent and child and slot[parent .. " " .. child]
  local version = tonumber(body:match('"version"%s*:%s*(%d+)'))
  local relationship = body:match('"relationship"%s*:%s*"([%w_]+)"')
  if not (i and version and OTHER[relationship]) then return end
  if status == 200 and version > versions[i] then changed = changed + 1 end
  types[i], versions[i] = relationship, version
end
