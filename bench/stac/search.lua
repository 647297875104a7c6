-- POST /stac/search: a 3 x 3 degree bbox, one month, limit 10, with the exact numberMatched.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local c = require("common")
request = function()
  local x0, y0, x1, y1 = c.box()
  local year = math.random(2023, 2025)
  local month = math.random(1, 12)
  local last = os.date("!*t", os.time({year = year, month = month + 1, day = 0, hour = 12})).day
  local body = string.format(
    '{"collections":["lstprecision"],"bbox":[%.4f,%.4f,%.4f,%.4f],' ..
    '"datetime":"%04d-%02d-01T00:00:00Z/%04d-%02d-%02dT23:59:59Z","limit":10}',
    x0, y0, x1, y1, year, month, year, month, last)
  return wrk.format("POST", "/stac/search", c.headers({["Content-Type"] = "application/json"}), body)
end
