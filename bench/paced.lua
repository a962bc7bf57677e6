-- Leaves WRK_GAP_MS between a connection's requests, so the read load stays below what the
-- server can answer: latency measured beside it is not only the queue of a saturated server.
local gap = tonumber(os.getenv("WRK_GAP_MS") or "0")
function delay()
  return gap
end
