-- wrk script shared by every phase of scripts/load: an optional JSON POST body (from
-- the LOAD_BODY file), and one summary line a phase in a fixed format that
-- scripts/load turns into a table. Latencies are printed in milliseconds; `errors`
-- counts failed connections, timeouts and answers of 400 or more.
local body_file = os.getenv("LOAD_BODY")
if body_file and body_file ~= "" then
    local file = assert(io.open(body_file, "r"))
    wrk.method = "POST"
    wrk.body = file:read("*a")
    wrk.headers["Content-Type"] = "application/json"
    file:close()
end

-- A paced phase (LOAD_DELAY_MS): each connection waits that long between requests, so
-- the rate is about connections * 1000 / delay per second, below saturation.
local delay_ms = tonumber(os.getenv("LOAD_DELAY_MS") or "")
if delay_ms then
    delay = function()
        return delay_ms
    end
end

done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.timeout + summary.errors.status
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "RESULT requests=%d rps=%.0f p50=%.2f p99=%.2f p999=%.2f max=%.2f errors=%d\n",
        summary.requests, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency:percentile(99.9) / 1000, latency.max / 1000, errors))
end
