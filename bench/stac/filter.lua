-- POST /stac/search with CQL2-JSON: eo:cloud_cover < 20 AND s_intersects(geometry, 3 x 3 degree polygon),
-- sorted by -datetime, limit 10.
package.path = package.path .. ";" .. (os.getenv("BENCH_DIR") or ".") .. "/?.lua"
local c = require("common")
request = function()
  local x0, y0, x1, y1 = c.box()
  local polygon = string.format(
    '{"type":"Polygon","coordinates":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}',
    x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)
  local body = '{"collections":["lstprecision"],"filter-lang":"cql2-json","filter":{"op":"and","args":[' ..
    '{"op":"<","args":[{"property":"eo:cloud_cover"},20]},' ..
    '{"op":"s_intersects","args":[{"property":"geometry"},' .. polygon .. ']}]},' ..
    '"sortby":[{"field":"datetime","direction":"desc"}],"limit":10}'
  return wrk.format("POST", "/stac/search", c.headers({["Content-Type"] = "application/json"}), body)
end
