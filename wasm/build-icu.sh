#!/usr/bin/env bash
# Builds ICU 72.1 (Debian 12's source package, the same ICU as libicu-dev) for
# WebAssembly with Debian's emscripten, plus a filtered ICU data file, into a
# cache directory outside the build tree:
#
#   ${POWERDESK_CACHE:-$HOME/.cache/powerdesk}/icu-wasm-72.1-<hash>/
#     include/unicode/*.h
#     lib/libicui18n.a lib/libicuuc.a lib/libicudata.a   (libicudata = ICU's stub)
#     share/powerdesk-icu.dat        filtered data for bills and quotes, load with udata_setCommonData
#     share/powerdesk-icu-text.dat   Han->Latin and zh collation (lists marked "# package: text"), load lazily
#     share/powerdesk-icu*.lst       the items in each
#     share/feature-costs.tsv        size of each feature (wasm/icu/data/*.txt)
#     share/build-info.txt           versions, flags, timings
#
# <hash> covers this script and the items listed in wasm/icu/data/, so changing
# either gives a new directory; an unchanged setup prints "cached" and exits at
# once. The result is assembled in a temporary directory and renamed into place
# only after the smoke test (wasm/icu/smoke.cpp) passes, so an interrupted or
# failed run never leaves a partial cache. See docs/icu-wasm.md.
#
# Usage: wasm/build-icu.sh [--check] [--keep-work] [--print-dir]
#   --check      also run the smoke test when the cache is already there
#   --keep-work  keep the temporary source/build directory (for debugging)
#   --print-dir  print the cache directory for this setup and exit (no build;
#                --print-path is the same), e.g. for -DPOWERDESK_ICU_WASM=...
# Environment: POWERDESK_CACHE (cache root), JOBS (make -j, default: nproc),
#   TMPDIR (where the ~0.2 GB temporary work directory goes).
# Needs root or sudo only if packages or a deb-src entry must be added.
set -euo pipefail

ICU_VERSION=72.1
ICU_MAJOR=${ICU_VERSION%%.*}

SCRIPT_PATH=$(readlink -f "${BASH_SOURCE[0]}")
REPO_DIR=$(cd "$(dirname "$SCRIPT_PATH")/.." && pwd)
ICU_SRC_DIR="$REPO_DIR/wasm/icu"
LIST_DIR="$ICU_SRC_DIR/data"
SMOKE_SRC="$ICU_SRC_DIR/smoke.cpp"

CHECK=0
KEEP_WORK=0
PRINT_DIR=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    --keep-work) KEEP_WORK=1 ;;
    --print-dir|--print-path) PRINT_DIR=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$SCRIPT_PATH"; exit 0 ;;
    *) echo "icu-wasm: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "icu-wasm: $*"; }
die() { echo "icu-wasm: error: $*" >&2; exit 1; }

shopt -s nullglob
LISTS=("$LIST_DIR"/[0-9][0-9]-*.txt)
shopt -u nullglob
((${#LISTS[@]})) || die "no item lists in $LIST_DIR"

# Cache key: this script plus every item list (file names and items; comments
# and blank lines do not count, so documenting a list does not force a rebuild).
strip_list() { sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$1"; }
HASH=$({
  cat "$SCRIPT_PATH"
  for f in "${LISTS[@]}"; do printf '== %s\n' "$(basename "$f")"; strip_list "$f"; done
} | sha256sum | cut -c1-12)
CACHE_ROOT=${POWERDESK_CACHE:-${HOME:?HOME is not set}/.cache/powerdesk}
DEST="$CACHE_ROOT/icu-wasm-$ICU_VERSION-$HASH"

if ((PRINT_DIR)); then
  echo "$DEST"
  exit 0
fi

export NODE_PATH=/usr/share/nodejs  # em++ needs node's acorn etc. from Debian

# Compiles wasm/icu/smoke.cpp against the ICU in $1 and runs it with node on
# $1/share/powerdesk-icu.dat and powerdesk-icu-text.dat. Output goes to
# stdout; returns the test's status.
run_smoke() {
  local dir=$1 tmp rc=0
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/powerdesk-icu-smoke.XXXXXX")
  if ! em++ -std=c++17 -O2 -I"$dir/include" "$SMOKE_SRC" \
      "$dir/lib/libicui18n.a" "$dir/lib/libicuuc.a" "$dir/lib/libicudata.a" \
      -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 \
      -o "$tmp/smoke.js" >"$tmp/compile.log" 2>&1; then
    cat "$tmp/compile.log"
    rm -rf "$tmp"
    return 1
  fi
  # node 20 cannot fetch() a file path; --no-experimental-fetch makes the
  # emscripten loader read the .wasm from disk instead.
  node --no-experimental-fetch "$tmp/smoke.js" "$dir/share/powerdesk-icu.dat" "$dir/share/powerdesk-icu-text.dat" || rc=$?
  rm -rf "$tmp"
  return "$rc"
}

# ---------------------------------------------------------------- cached? ----
if [ -f "$DEST/share/powerdesk-icu.dat" ]; then
  say "cached $DEST"
  if ((CHECK)); then
    say "running smoke test (--check)"
    run_smoke "$DEST" || die "smoke test failed against the cached build in $DEST"
  fi
  exit 0
fi

T_START=$(date +%s)
elapsed() { echo $(( $(date +%s) - T_START ))s; }

for tool in em++ emconfigure emmake emar node python3 make gzip sha256sum flock; do
  command -v "$tool" >/dev/null || die "$tool not found (emscripten, nodejs, python3, make are needed)"
done

# One build at a time per cache root; a second caller waits and then finds the
# finished cache.
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.icu-wasm.lock"
if ! flock -n 9; then
  say "another build is running; waiting for it"
  flock 9
fi
if [ -f "$DEST/share/powerdesk-icu.dat" ]; then
  say "cached $DEST (built by the other run)"
  exit 0
fi
# Leftovers of killed or failed runs for this cache root (we hold the lock, so
# nobody is using them): staging directories, and work directories whose owner
# process is gone.
rm -rf "$CACHE_ROOT"/.icu-wasm-*.tmp.*
for d in "${TMPDIR:-/tmp}"/powerdesk-icu-wasm.*; do
  [ -f "$d/owner" ] || continue
  read -r pid root <"$d/owner" || continue
  if [ "$root" = "$CACHE_ROOT" ] && ! kill -0 "$pid" 2>/dev/null; then rm -rf "$d"; fi
done

STAGE="$CACHE_ROOT/.icu-wasm-$ICU_VERSION-$HASH.tmp.$$"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/powerdesk-icu-wasm.XXXXXX")
echo "$$ $CACHE_ROOT" >"$WORK/owner"
LOGS="$WORK/logs"
mkdir -p "$LOGS"
FAILED=1
INTERRUPTED=0
cleanup() {
  rm -rf "$STAGE"
  if ((KEEP_WORK)); then
    say "work directory kept: $WORK"
  elif ((FAILED && !INTERRUPTED)); then
    say "build failed; logs and sources kept in $WORK (the next run deletes it)"
  else
    rm -rf "$WORK"
  fi
  ((!INTERRUPTED)) || say "interrupted; nothing was cached"
}
trap cleanup EXIT
trap 'INTERRUPTED=1; exit 130' INT TERM HUP

# Runs "$@" with output to $LOGS/$1-<step>.log; on failure shows the log tail.
run_logged() {
  local log="$LOGS/$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "---- last lines of $log" >&2
    tail -n 40 "$log" >&2
    die "step failed: $*"
  fi
}

# ------------------------------------------------------- system packages ----
SUDO=""
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to $1"
    SUDO="sudo"
  fi
}

missing=()
for p in dpkg-dev icu-devtools; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  need_root "install ${missing[*]}"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update $SUDO apt-get update -qq
  run_logged apt-install $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The exact Debian version of ICU to fetch: the installed libicu-dev (so native
# and WASM builds use the same ICU), else icu-devtools (same source package).
DEB_VERSION=$(dpkg-query -W -f='${Version}' libicu-dev 2>/dev/null || true)
[ -n "$DEB_VERSION" ] || DEB_VERSION=$(dpkg-query -W -f='${Version}' icu-devtools)
[[ "$DEB_VERSION" == "$ICU_VERSION"-* ]] ||
  die "Debian's ICU is $DEB_VERSION, this script builds $ICU_VERSION (update ICU_VERSION and the item lists)"

# deb-src entries mirroring the enabled deb entries for this release, in the
# same format (deb822 .sources or one-line .list) as the existing ones.
add_deb_src() {
  local codename dir=/etc/apt/sources.list.d out
  # shellcheck disable=SC1091
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  shopt -s nullglob
  local sources=("$dir"/*.sources) lists=(/etc/apt/sources.list "$dir"/*.list)
  shopt -u nullglob
  if ((${#sources[@]})); then
    out=$(awk -v cn="$codename" '
      function flush() {
        if (n && deb && suite && enabled) { print "Types: deb-src"; for (i = 1; i <= n; i++) print l[i]; print "" }
        n = 0; deb = 0; suite = 0; enabled = 1
      }
      BEGIN { enabled = 1 }
      /^[ \t]*$/ { flush(); next }
      /^#/ { next }
      /^Types:/ { if ($0 ~ /[ \t]deb([ \t]|$)/) deb = 1; next }
      /^Enabled:[ \t]*(no|false)/ { enabled = 0; next }
      /^Suites:/ { if (index($0, cn)) suite = 1 }
      { l[++n] = $0 }
      END { flush() }' "${sources[@]}")
    [ -n "$out" ] && { printf '# Added by wasm/build-icu.sh (apt-get source icu).\n%s\n' "$out" |
      $SUDO tee "$dir/powerdesk-src.sources" >/dev/null; return; }
  fi
  out=$(cat "${lists[@]}" 2>/dev/null | sed -n "s/^[ \t]*deb[ \t]\(.*$codename.*\)/deb-src \1/p")
  [ -n "$out" ] || out="deb-src http://deb.debian.org/debian $codename main"
  printf '# Added by wasm/build-icu.sh (apt-get source icu).\n%s\n' "$out" |
    $SUDO tee "$dir/powerdesk-src.list" >/dev/null
}

# (Output captured first: with pipefail, grep -q closing the pipe early would
# make apt-cache die of SIGPIPE and the test fail.)
has_icu_source() {
  local out
  out=$(apt-cache showsrc icu 2>/dev/null || true)
  grep -q "^Version: $DEB_VERSION\$" <<<"$out"
}
if ! has_icu_source; then
  need_root "add a deb-src entry and run apt-get update"
  if ! grep -rqsE '^[[:space:]]*deb-src[[:space:]]|^Types:.*deb-src' \
      /etc/apt/sources.list /etc/apt/sources.list.d/; then
    say "adding deb-src entries for apt-get source"
    add_deb_src
  fi
  say "updating apt package lists"
  run_logged apt-update-src $SUDO apt-get update -qq
  has_icu_source ||
    die "apt cannot find source package icu=$DEB_VERSION (check deb-src entries in /etc/apt)"
fi

# ------------------------------------------------------------------ fetch ----
say "fetching source (apt-get source icu=$DEB_VERSION)"
mkdir -p "$WORK/src"
# As root, apt downloads as user _apt: let it write the download directory.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$WORK/src"; fi
(cd "$WORK/src" && run_logged fetch apt-get source "icu=$DEB_VERSION")
SRC=$(echo "$WORK"/src/icu-*/source)
[ -f "$SRC/configure" ] || die "no ICU source tree after apt-get source (see $LOGS/fetch.log)"
grep -q "U_ICU_VERSION \"$ICU_VERSION\"" "$SRC/common/unicode/uvernum.h" ||
  die "fetched source is not ICU $ICU_VERSION"
DAT_IN="$SRC/data/in/icudt${ICU_MAJOR}l.dat"
[ -f "$DAT_IN" ] || die "$DAT_IN missing from the source package"

# ------------------------------------------------------ fake cross build ----
# ICU's configure wants --with-cross-build=DIR with DIR/config/icucross.mk
# naming host tools. Point it at Debian's icu-devtools (same version) instead of
# building ICU natively first; the libraries built here never run those tools.
CROSS="$WORK/cross"
mkdir -p "$CROSS/bin" "$CROSS/config"
while read -r f; do
  case "$f" in /usr/bin/*|/usr/sbin/*) [ -f "$f" ] && ln -sf "$f" "$CROSS/bin/" ;; esac
done < <(dpkg -L icu-devtools)
[ -x "$CROSS/bin/icupkg" ] || die "icupkg not found in icu-devtools (dpkg -L icu-devtools)"
cat >"$CROSS/config/icucross.mk" <<EOF
CROSS_ICU_VERSION=$ICU_VERSION
TOOLEXEEXT=
TOOLBINDIR=$CROSS/bin
TOOLLIBDIR=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
INVOKE=
PKGDATA_INVOKE=
EOF
: >"$CROSS/config/icucross.inc"
ICUPKG="$CROSS/bin/icupkg"

# -------------------------------------------------------------- configure ----
say "configuring (emconfigure, wasm32, static, -O2)"
BUILD="$WORK/build"
mkdir -p "$BUILD"
# icu_cv_host_frag: ICU's config.sub rejects *-emscripten, and for the wasm32
# host configure would pick a makefile fragment that fails; mh-linux works.
(cd "$BUILD" && run_logged configure env icu_cv_host_frag=mh-linux CFLAGS=-O2 CXXFLAGS=-O2 \
  emconfigure "$SRC/configure" --host=wasm32-unknown-linux --with-cross-build="$CROSS" \
  --enable-static --disable-shared --disable-tools --disable-tests --disable-samples \
  --disable-extras --disable-icuio --disable-layoutex --disable-dyload \
  --with-data-packaging=archive)

# ------------------------------------------------------------------ build ----
JOBS=${JOBS:-$(nproc)}
mkdir -p "$BUILD/lib" "$BUILD/bin"
T_LIBS=$(date +%s)
build_dir() {  # $1 dir, $2 human estimate
  local t0
  t0=$(date +%s)
  say "building $1 (this takes ~$2 on 2 cores)"
  run_logged "make-$1" emmake make -C "$BUILD/$1" -j"$JOBS"
  say "  $1 done in $(( $(date +%s) - t0 ))s"
}
build_dir stubdata "5 s"
build_dir common "1 min"
build_dir i18n "1.5 min"
LIB_SECONDS=$(( $(date +%s) - T_LIBS ))

rm -rf "$STAGE"
mkdir -p "$STAGE/include/unicode" "$STAGE/lib" "$STAGE/share"
cp "$SRC"/common/unicode/*.h "$SRC"/i18n/unicode/*.h "$STAGE/include/unicode/"
cp "$BUILD/lib/libicuuc.a" "$BUILD/lib/libicui18n.a" "$BUILD/stubdata/libicudata.a" "$STAGE/lib/"

# ------------------------------------------------------------------- data ----
say "subsetting ICU data (${#LISTS[@]} features)"
ITEMS="$WORK/items"
PKG="$WORK/pkg"
mkdir -p "$ITEMS" "$PKG"
run_logged extract "$ICUPKG" -x '*' -d "$ITEMS" "$DAT_IN"
# Smaller root collation data from the same tarball (see 06-collation-zh.txt).
cp "$SRC/data/in/coll/ucadata-implicithan.icu" "$ITEMS/coll/ucadata.icu"

TSV="$STAGE/share/feature-costs.tsv"
printf 'feature\titems\traw_bytes\tgzip_bytes\tcumulative_raw\tcumulative_gzip\n' >"$TSV"
: >"$PKG/all.lst"
prev_raw=0
prev_gz=0
for list in "${LISTS[@]}"; do
  feature=$(basename "$list" .txt)
  feature=${feature#[0-9][0-9]-}
  strip_list "$list" >"$PKG/feature.lst"
  n=$(wc -l <"$PKG/feature.lst")
  while read -r item; do
    [ -f "$ITEMS/$item" ] || die "$(basename "$list"): no item $item in icudt${ICU_MAJOR}l.dat"
    ! grep -qxF "$item" "$PKG/all.lst" || die "$(basename "$list"): $item is already in an earlier list"
  done <"$PKG/feature.lst"
  cat "$PKG/feature.lst" >>"$PKG/all.lst"
  # The package file must be named icudt72l.dat: icupkg prefixes every item
  # with the file's base name, and ICU looks items up as icudt72l/<item>.
  rm -f "$PKG/icudt${ICU_MAJOR}l.dat"
  (cd "$PKG" && run_logged "package-$feature" "$ICUPKG" -tl --ignore-deps -s "$ITEMS" \
    -a all.lst new "icudt${ICU_MAJOR}l.dat")
  raw=$(stat -c %s "$PKG/icudt${ICU_MAJOR}l.dat")
  gz=$(gzip -9c "$PKG/icudt${ICU_MAJOR}l.dat" | wc -c)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$feature" "$n" $((raw - prev_raw)) $((gz - prev_gz)) "$raw" "$gz" >>"$TSV"
  say "  + $feature: $n items, +$((raw - prev_raw)) bytes (+$((gz - prev_gz)) gzip) -> $raw ($gz gzip)"
  prev_raw=$raw
  prev_gz=$gz
done
# Two data files: what bills and quotes need (always loaded), and the text
# features only name matching and sorting need (lists marked "# package:
# text", loaded lazily by those features) — the second is most of the bytes.
: >"$PKG/core.lst"
: >"$PKG/text.lst"
for list in "${LISTS[@]}"; do
  if grep -q '^# package: text' "$list"; then strip_list "$list" >>"$PKG/text.lst"; else strip_list "$list" >>"$PKG/core.lst"; fi
done
for part in core text; do
  rm -f "$PKG/icudt${ICU_MAJOR}l.dat"
  (cd "$PKG" && run_logged "package-$part" "$ICUPKG" -tl --ignore-deps -s "$ITEMS" \
    -a "$part.lst" new "icudt${ICU_MAJOR}l.dat")
  name=powerdesk-icu.dat
  [ "$part" = core ] || name=powerdesk-icu-$part.dat
  cp "$PKG/icudt${ICU_MAJOR}l.dat" "$STAGE/share/$name"
  cp "$PKG/$part.lst" "$STAGE/share/${name%.dat}.lst"
  say "  $name: $(stat -c %s "$STAGE/share/$name") bytes ($(gzip -9c "$STAGE/share/$name" | wc -c) gzip)"
done

cat >"$STAGE/share/build-info.txt" <<EOF
icu_source_package	icu $DEB_VERSION (Debian, apt-get source)
emscripten	$(em++ --version 2>/dev/null | head -n1)
configure	--host=wasm32-unknown-linux --enable-static --disable-shared --disable-tools --disable-tests --disable-samples --disable-extras --disable-icuio --disable-layoutex --disable-dyload --with-data-packaging=archive (icu_cv_host_frag=mh-linux, CFLAGS/CXXFLAGS=-O2)
make_jobs	$JOBS
library_build_seconds	$LIB_SECONDS
total_build_seconds	$(( $(date +%s) - T_START ))
built	$(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -n)
link	em++ ... -I$DEST/include ... $DEST/lib/libicui18n.a $DEST/lib/libicuuc.a $DEST/lib/libicudata.a
node_test_link_flags	-sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 (run: node --no-experimental-fetch)
EOF

# ------------------------------------------------------------ smoke test ----
say "running smoke test (wasm/icu/smoke.cpp under node)"
run_smoke "$STAGE" || die "smoke test failed; nothing was cached"

# ------------------------------------------------------------------ commit ----
sed -i "s/^total_build_seconds.*/total_build_seconds\t$(( $(date +%s) - T_START ))/" "$STAGE/share/build-info.txt"
rm -rf "$DEST"  # only a damaged leftover can be here (no .dat); we hold the lock
mv -T "$STAGE" "$DEST"
FAILED=0
say "done in $(elapsed): $DEST"
for f in "$DEST"/lib/*.a "$DEST"/share/powerdesk-icu*.dat; do
  say "  $(basename "$f"): $(stat -c %s "$f") bytes"
done
