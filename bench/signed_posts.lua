-- wrk script: POST pre-signed Slack slash commands to /slack/events, round robin, one per
-- connection (keep-alive would pin each connection to one gunicorn worker for the whole run).
-- wrk -s bench/signed_posts.lua URL -- FILE, where each line of FILE is
-- "timestamp<TAB>signature<TAB>urlencoded body". Prints one JSON line when done.

local prepared = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    local timestamp, signature, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
    prepared[#prepared + 1] = wrk.format("POST", "/slack/events", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = timestamp,
      ["X-Slack-Signature"] = signature,
      ["Connection"] = "close",
    }, body)
  end
  next_index = math.random(#prepared)
end

function request()
  next_index = next_index % #prepared + 1
  return prepared[next_index]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
