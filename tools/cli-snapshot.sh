#!/usr/bin/env bash
# Runs a fixed set of command-line invocations and keeps each one's stdout, stderr and exit status
# under OUTDIR, so that a refactoring can be checked byte for byte:
#   tools/cli-snapshot.sh ../snap-before; (change); tools/cli-snapshot.sh ../snap-after; diff -r ../snap-before ../snap-after
# Uses ./synergia (which rebuilds when sources changed) and the reference files of synergia-testdata.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: tools/cli-snapshot.sh OUTDIR}"
mkdir -p "$out"
ref="$root/synergia-testdata/src/main/resources/org/synergia/testdata/reference"
dat="$root/synergia-testdata/src/main/resources/org/synergia/testdata/datasets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/synergia" --version > /dev/null
"$root/synergia" cases survey peru-haku-winay --out "$work/peru.csv" > /dev/null 2>&1
"$root/synergia" cases survey colombia-ppp --out "$work/colombia.csv" > /dev/null 2>&1
"$root/synergia" cases survey mali-cash-plus --out "$work/mali.dta" > /dev/null 2>&1
n=0
snap() {
  n=$((n + 1))
  local name; name=$(printf '%02d' "$n")
  (cd "$work" && "$root/synergia" "$@") > "$out/$name.out" 2> "$out/$name.err"
  echo "$? $*" | sed "s#$root#ROOT#g; s#$work#WORK#g" > "$out/$name.cmd"
  sed -i "s#$root#ROOT#g; s#$work#WORK#g" "$out/$name.out" "$out/$name.err"
}
keep() { # a file the last invocation wrote
  cp "$work/$1" "$out/$(printf '%02d' "$n").$1" 2>/dev/null || echo missing > "$out/$(printf '%02d' "$n").$1"
}
# a small staggered-adoption panel: 60 units, periods 1-4, cohorts 0 (never), 3 and 4
awk 'BEGIN { print "id,period,cohort,x1,y"; s = 7;
  for (i = 1; i <= 60; i++) { g = (i % 3 == 0) ? 0 : (i % 3 == 1 ? 3 : 4); s = (s * 16807) % 2147483647; x = s / 2147483647;
    for (t = 1; t <= 4; t++) { s = (s * 16807) % 2147483647; e = s / 2147483647 - 0.5;
      y = 1 + x + 0.3 * t + (g > 0 && t >= g ? 1.5 : 0) + e; printf "%d,%d,%d,%.6f,%.6f\n", i, t, g, x, y } } }' > "$work/staggered.csv"
L="$ref/lalonde.csv"; C="$dat/cattaneo2.dta"; X="age + educ + black + hispan + married + nodegree + re74 + re75"
for f in text json; do
  snap estimate glm --data "$C" --model "bweight ~ mbsmoke + mage + I(mage^2) + factor(mrace)" --format $f
  snap estimate ipwra --data "$L" --outcome-model "re78 ~ $X" --treatment-model "treat ~ $X" --format $f
  snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --format $f
  snap estimate rd --data "$ref/rdrobust_senate.csv" --outcome vote --running margin --format $f
  snap estimate did --data "$ref/did_panel_dev.csv" --outcome y --time period --group treated --id id --covariates "x1 + x2 + x3" --format $f
  snap estimate mean --data "$ref/apistrat.csv" --variable api00 --weights pw --strata stype --fpc fpc --format $f
  snap estimate poverty --data "$ref/eusilc.csv" --variable eq_income --line 10000 --weights weight --format $f
  snap estimate meta --data "$ref/dat_bcg.csv" --effect yi --variance vi --method reml --format $f
  snap describe --data "$C" --format $f
done
snap estimate glm --data "$L" --model "treat ~ $X" --family binomial --link logit
snap estimate ra --data "$L" --outcome-model "re78 ~ $X" --treatment treat --estimand att
snap estimate ipw --data "$L" --treatment-model "treat ~ $X" --outcome re78 --estimand pomeans
snap estimate aipw --data "$L" --outcome-model "re78 ~ $X" --treatment-model "treat ~ $X" --format json
snap estimate total --data "$ref/apistrat.csv" --variable enroll --strata stype --fpc fpc --format json
snap estimate rd --data "$ref/rd_fuzzy_dev.csv" --outcome y --running score --fuzzy take --format json
snap estimate did --data "$ref/drdid_sim_rc.csv" --outcome y --time post --group d --covariates "x1 + x2 + x3 + x4" --method ipw --format json
snap estimate meta --data "$ref/dat_bcg.csv" --effect yi --variance vi --moderators ablat --test knha
snap estimate saturation --data "$work/peru.csv" --outcome income --treatment coached --cluster community --saturation saturation --permutations 99 --format json
snap estimate dose --data "$work/colombia.csv" --outcome income --dose exposure_years --covariates "hh_size + female_head" --cluster village --format json
snap estimate mean --data "$work/mali.dta" --variable income --format json
snap describe --data "$work/mali.dta"
snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --estimand ate --neighbors 2 --caliper 0.2 --save-weights w.csv --love-plot lp.svg --format json
keep w.csv; keep lp.svg
snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --kernel epanechnikov --se bootstrap --bootstrap-reps 20 --format json
snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --replace false --support minmax --link probit --se ai2006
snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --weights age
snap estimate psmatch --data "$L" --treatment-model "treat ~ $X" --outcome re78 --se bootstrap
snap estimate psmatch --data "$L" --treatment-model "age ~ educ" --outcome re78
snap estimate rd --data "$ref/rdrobust_senate.csv" --outcome vote --running margin --h 10,12 --kernel uniform --vce hc1 --plot rd.svg --plot-binning qs --plot-bins 10
keep rd.svg
snap estimate rd --data "$work/peru.csv" --outcome income --running eligibility_score --cutoff 0 --covariates "hh_size + female_head" --cluster community --bwselect msetwo --format json
snap estimate did --data "$work/staggered.csv" --outcome y --time period --cohort cohort --id id --format json
snap estimate did --data "$work/staggered.csv" --outcome y --time period --cohort cohort --group cohort --id id
snap estimate did --data "$ref/did_panel_dev.csv" --outcome y --time period --group treated --id id --covariates "x1 + x2" --method twfe --cluster id
snap estimate saturation --data "$work/peru.csv" --outcome income --treatment coached --cluster community --saturation saturation --covariates "hh_size + female_head" --permutations 0
snap estimate saturation --data "$work/peru.csv" --outcome income --treatment coached --saturation saturation
snap estimate dose --data "$work/colombia.csv" --outcome income --dose exposure_years --method gps --bootstrap 20 --format json
snap estimate dose --data "$work/colombia.csv" --outcome income --dose exposure_years --method bins --bins 2.8,3.7 --by female_head --weights hh_size
snap estimate dose --data "$work/colombia.csv" --outcome income --dose exposure_years --method bins
snap estimate dose --data "$work/colombia.csv" --outcome income --dose exposure_years --grid 1,2
for m in psmatch rd did saturation dose; do snap estimate $m --help; done
snap estimate glm --data "$L" --model "re78 ~ nosuchvar"
snap estimate mean --data "$L" --variable re78 --weights nosuch
snap estimate ipwra --data "$L" --outcome-model "re78 ~ age" --treatment-model "treat ~ age" --estimand bogus
snap estimate rd --data "$ref/rdrobust_senate.csv" --outcome vote --running margin --h -1
snap cases list --format json
snap cases show mali-cash-plus
snap power --help
snap estimate --help
# added after the list above, so that the numbers of the earlier invocations stay as they were
snap estimate nnmatch --data "$C" --outcome bweight --treatment mbsmoke --covariates "mmarried + mage + fage + medu + prenatal1" --balance --format json
snap estimate nnmatch --data "$L" --outcome re78 --treatment treat --covariates "age + educ + re74 + re75" --estimand att --metric ivariance --bias-adjust "age + educ + re74 + re75" --se ai2006
snap estimate nnmatch --data "$L" --outcome re78 --treatment treat --covariates "age + educ" --bias-adjust age
echo "$n invocations in $out"
