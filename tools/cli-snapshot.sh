#!/usr/bin/env bash
# Runs a fixed set of command-line invocations and keeps each one's stdout, stderr and exit status
# under OUTDIR, so that a refactoring can be checked byte for byte:
#   tools/cli-snapshot.sh /tmp/before; (change); tools/cli-snapshot.sh /tmp/after; diff -r /tmp/before /tmp/after
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
snap estimate glm --data "$L" --model "re78 ~ nosuchvar"
snap estimate mean --data "$L" --variable re78 --weights nosuch
snap estimate ipwra --data "$L" --outcome-model "re78 ~ age" --treatment-model "treat ~ age" --estimand bogus
snap estimate rd --data "$ref/rdrobust_senate.csv" --outcome vote --running margin --h -1
snap cases list --format json
snap cases show mali-cash-plus
snap power --help
snap estimate --help
echo "$n invocations in $out"
