-- GET one page of a contact's timeline (BENCH_PATH: the path with limit and, when deep, the cursor).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local request_text

function init(args)
  request_text = wrk.format("GET", os.getenv("BENCH_PATH"), headers_with())
end

function next_request()
  return request_text
end

function response(status, headers, body)
  count_status(status)
end
