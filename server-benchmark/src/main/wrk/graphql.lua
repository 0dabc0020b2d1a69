-- wrk script of the server benchmark: POSTs one GraphQL query per request to the URL given to wrk.
-- The scenario comes from the environment variable BENCH_SCENARIO:
--   hit     movie(id) for ids 1..20 in turn (one cacheable GET each)
--   fanout  movies(ids) with the 20 ids (20 cacheable GETs, issued concurrently by the server)
--   miss    movieNoCache(id) for ids 1..20 in turn (one no-store GET each)
--   mix     the three in turn (the warm-up)
-- Requests are formatted once, in init, so that wrk spends as little as possible of the core it shares with nginx.
local scenario = os.getenv("BENCH_SCENARIO") or "hit"
local fields = "id title year views director genres"
local requests = {}
local index = 0

local function post(query)
  local body = '{"query":"' .. query:gsub('"', '\\"') .. '"}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept"] = "application/json"}, body)
end

local function hit(id) return post('{movie(id:"' .. id .. '"){' .. fields .. '}}') end
local function miss(id) return post('{movieNoCache(id:"' .. id .. '"){' .. fields .. '}}') end
local function fanout()
  local ids = {}
  for id = 1, 20 do ids[id] = '"' .. id .. '"' end
  return post('{movies(ids:[' .. table.concat(ids, ",") .. ']){' .. fields .. '}}')
end

function init(args)
  for id = 1, 20 do
    if scenario == "hit" then
      requests[#requests + 1] = hit(id)
    elseif scenario == "miss" then
      requests[#requests + 1] = miss(id)
    elseif scenario == "fanout" then
      if id == 1 then requests[1] = fanout() end
    elseif scenario == "mix" then
      requests[#requests + 1] = hit(id)
      requests[#requests + 1] = fanout()
      requests[#requests + 1] = miss(id)
    else
      error("BENCH_SCENARIO must be hit, fanout, miss or mix, not " .. scenario)
    end
  end
end

function request()
  index = index % #requests + 1
  return requests[index]
end
