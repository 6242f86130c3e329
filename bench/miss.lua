-- wrk script: every request asks for the page with a query parameter nobody asked for
-- before (?bench=<run>-<thread>-<n>), so the page cache misses each time while the
-- request stays an anonymous reader's: the page is rendered, then stored, as after a
-- publication. The views ignore the parameter. At the end it prints how the responses'
-- X-Page-Cache headers were counted; bench/run.sh refuses a run with a hit.
--
--   wrk ... -s bench/miss.lua http://127.0.0.1:8790/news/ -- <run id>

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

function init(args)
   run = args[1] or "run"
   counter = 0
   hits, misses, others = 0, 0, 0
   separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
end

function request()
   counter = counter + 1
   return wrk.format(nil, wrk.path .. separator .. "bench=" .. run .. "-" .. id .. "-" .. counter)
end

function response(status, headers, body)
   local state = headers["X-Page-Cache"]
   if state == "hit" then
      hits = hits + 1
   elseif state == "miss" then
      misses = misses + 1
   else
      others = others + 1
   end
end

function done(summary, latency, requests)
   local h, m, o = 0, 0, 0
   for _, thread in ipairs(threads) do
      h = h + thread:get("hits")
      m = m + thread:get("misses")
      o = o + thread:get("others")
   end
   io.write(string.format("X-Page-Cache: hit=%d miss=%d none=%d\n", h, m, o))
end
