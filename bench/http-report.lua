-- wrk script of bench/http for GET pages: one machine-readable line at the
-- end (latencies in microseconds; socket errors are connect, read, write
-- and timeouts; status errors are answers of 400 and above).
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
