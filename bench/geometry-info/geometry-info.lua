-- wrk script: POST /areas-of-interest/geometry-info with a 1,000-vertex polygon (a circle of about 11 km across
-- near Darmstadt, closing vertex included), the issue's benchmark case. Credentials come from wrk's -H option.
local vertices = 1000
local positions = {}
for i = 0, vertices - 2 do
  local angle = 2 * math.pi * i / (vertices - 1)
  positions[#positions + 1] = string.format("[%.7f,%.7f]", 8.65 + 0.07 * math.cos(angle), 49.87 + 0.05 * math.sin(angle))
end
positions[#positions + 1] = positions[1]

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[['
  .. table.concat(positions, ",") .. ']]}}'

-- Count answers that are not 200, so that a run of errors cannot pass for throughput.
local failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures == 1 then
      io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
