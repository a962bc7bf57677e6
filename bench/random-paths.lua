-- Requests a random article of the archive each time: every request is a cache miss.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE") or "bench/.work/paths.txt") do
  paths[#paths + 1] = line
end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
