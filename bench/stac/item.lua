-- GET one item by id: a random place and day of the generated dataset.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local c = require("common")
local days = 1096
local start = os.time({year = 2023, month = 1, day = 1, hour = 12})
function setup(thread) math.randomseed(os.time() + tonumber(tostring(thread):match("0x(%x+)") or "1", 16) % 1000) end
request = function()
  local n = math.random(0, c.items - 1)
  local place = n % c.places
  local day = math.floor(n / c.places) % days
  local date = os.date("!%Y-%m-%d", start + day * 86400)
  local path = string.format("/stac/collections/lstprecision/items/p%05d-%s", place, date)
  return wrk.format("GET", path, c.headers())
end
