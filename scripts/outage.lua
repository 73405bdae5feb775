-- wrk script of scripts/outage-drill: POSTs the order in LOAD_BODY and counts the answers
-- by status across threads. Prints one RESULT line (latencies in ms; `socket_errors`
-- counts failed connections, reads, writes and timeouts) and one STATUS line per status.
local file = assert(io.open(os.getenv("LOAD_BODY"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        "RESULT requests=%d p50=%.2f p99=%.2f max=%.2f socket_errors=%d\n",
        summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, errors.connect + errors.read + errors.write + errors.timeout))
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    for status, count in pairs(total) do
        io.write(string.format("STATUS %d %d\n", status, count))
    end
end
