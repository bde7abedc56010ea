-- POST /network/contacts: a new person each time (no Idempotency-Key: the plain create path).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local sent, nonce, headers

function init(args)
  sent = 0
  nonce = os.getenv("BENCH_NONCE") .. "t" .. thread_index
  headers = headers_with({ ["Content-Type"] = "application/json" })
end

function next_request()
  sent = sent + 1
  local body = string.format(
    '{"firstName":"Bench%s","lastName":"Person%d","emails":[{"value":"bench%s.%d@example.com"}]}',
    nonce, sent, nonce, sent)
  return wrk.format("POST", "/api/v1/network/contacts", headers, body)
end

function response(status, headers, body)
  count_status(status)
end
