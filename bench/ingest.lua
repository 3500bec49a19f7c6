-- wrk script: one new single-item feedback POST per request (unique externalId per thread and request),
-- counts non-202 answers. BENCH_AUTHORS=1 gives every item its own author handle (each then costs the
-- ingest spam check's per-author history write as well).
local threads = {}
local next_id = 0
local with_authors = os.getenv("BENCH_AUTHORS") == "1"

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  failed = 0
  run = tostring(os.time())
end

request = function()
  n = n + 1
  local body = '{"kind":"review","externalId":"' .. run .. '-' .. tid .. '-' .. n ..
    '","brand":"Blinnaya","text":"Bench review ' .. n .. ': tasty pancakes, friendly staff, but the delivery was slow","rating":4'
  if with_authors then body = body .. ',"author":{"handle":"@bench_' .. run .. '_' .. tid .. '_' .. n .. '"}' end
  body = body .. '}'
  return wrk.format("POST", "/api/feedback", { ["Content-Type"] = "application/json" }, body)
end

response = function(status, headers, body)
  if status ~= 202 then failed = failed + 1 end
end

done = function(summary, latency, requests)
  local failures = 0
  for _, t in ipairs(threads) do failures = failures + t:get("failed") end
  io.write(string.format("accepted/s: %.0f  p50: %.2f ms  p99: %.2f ms  non-202: %d  errors: %d\n",
    (summary.requests - failures) / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    failures, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
