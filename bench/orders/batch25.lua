-- POST /orders/batch with 25 valid LSTprecision orders (start in 10 days, 30-day period).
-- TOKEN=... AOI=... wrk -t2 -c4 -d30s --latency -s bench/orders/batch25.lua "$BASE"
local token = os.getenv("TOKEN")
local aoi = os.getenv("AOI")
local start = os.date("!%Y-%m-%dT10:30:00Z", os.time() + 10 * 86400)
local finish = os.date("!%Y-%m-%dT10:30:00Z", os.time() + 40 * 86400)

local order = string.format(
  '{"area_of_interest_id":"%s","start_date":"%s","end_date":"%s","frequency":"monthly",' ..
  '"product_name":"LSTprecision","comment":"bench","tags":["bench"]}', aoi, start, finish)
local orders = {}
for i = 1, 25 do orders[i] = order end

wrk.method = "POST"
wrk.path = "/orders/batch"
wrk.body = '{"use_case":"Yield Prediction","comment":"bench","orders":[' .. table.concat(orders, ",") .. ']}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures <= 3 then print("unexpected " .. status .. ": " .. body) end
  end
end
