-- Shared by the wrk scripts: credentials from the environment, a seeded random generator.
local M = {}
M.key = os.getenv("STAC_API_KEY")
M.token = os.getenv("STAC_TOKEN")
-- the generator puts ceil(items / 1096) places on the map, one item a day each
M.items = tonumber(os.getenv("STAC_ITEMS") or "100000")
M.places = math.ceil(M.items / 1096)
function M.headers(extra)
  local h = extra or {}
  if M.key then h["X-Api-Key"] = M.key end
  if M.token then h["Authorization"] = "Bearer " .. M.token end
  return h
end
-- a 3 x 3 degree box inside lon -10..30, lat 35..60
function M.box()
  local x = -10 + math.random() * 37
  local y = 35 + math.random() * 22
  return x, y, x + 3, y + 3
end
return M
