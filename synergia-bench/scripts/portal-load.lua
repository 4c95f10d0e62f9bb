-- wrk script for the portal load test (docs/benchmarks.md, "Portal"):
--   ./synergia serve --out WORKSPACE --port 18080 &
--   wrk -t2 -c200 -d60s --latency -s synergia-bench/scripts/portal-load.lua http://127.0.0.1:18080
-- Cycles through public pages in three languages, the JSON API and the style sheet.
local paths = {
  "/", "/?region=africa", "/cases/zambia-hgsf-casu", "/es/cases/mali-cash-plus", "/fr/cases/peru-haku-winay",
  "/synthesis/impact", "/api/cases", "/api/cases/colombia-ppp/estimates", "/api/synthesis", "/assets/site.css"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
