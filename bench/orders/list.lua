-- GET /orders?limit=10 at a random offset from 0 to MAX_OFFSET (default 10000), optionally with a state filter.
-- TOKEN=... [STATE=in_progress] [MAX_OFFSET=10000] wrk -t2 -c4 -d30s --latency -s bench/orders/list.lua "$BASE"
local token = os.getenv("TOKEN")
local state = os.getenv("STATE")
local maxOffset = tonumber(os.getenv("MAX_OFFSET") or "10000")
local filter = (state and state ~= "") and ("&state=" .. state) or ""
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
end

function request()
  local path = "/orders?limit=10&offset=" .. math.random(0, maxOffset) .. filter
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then print("unexpected " .. status .. ": " .. body) end
  end
end
