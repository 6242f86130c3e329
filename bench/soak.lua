-- wrk script for bench/soak.sh: readers moving around the site. Each request picks the
-- next of a mix of pages (stored ones, and one in four rendered afresh by a query
-- parameter nobody asked for before), so the workers render, store and serve for the
-- whole run.

local paths = {
   "/", "/news/", "/ru/news/", "/news/?page=2", "/news/?page=40", "/news/?kind=statement",
   "/events/", "/people/", "/press/contacts/", "/news/feed/atom/", "/ru/news/feed/rss/",
   "/events/calendar.ics", "/press/contacts.vcf", "/sitemap.xml", "/sitemap-news.xml",
   "/news/secretary-general/", "/people/imangali-tasmagambetov/", "/healthz",
}
local counter = 0

function init(args)
   math.randomseed(os.time() + counter)
end

function request()
   counter = counter + 1
   local path = paths[(counter % #paths) + 1]
   if counter % 4 == 0 then
      local separator = string.find(path, "?", 1, true) and "&" or "?"
      path = path .. separator .. "soak=" .. counter .. "-" .. math.random(1, 1000000)
   end
   return wrk.format(nil, path)
end
