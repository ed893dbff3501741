#!/usr/bin/env bash
# Network benchmark: dcmtk storescu sends synthetic instances to our `iq serve`, to dcmtk storescp and to Orthanc,
# on this machine, in one run. Loads: (a) MR-sized instances (~0.5 MB) over one association, (b) the same over 8
# parallel associations (8 storescu processes), (c) mammogram-sized instances (~30 MB) over 8 parallel associations.
# Each server is started fresh for each load, so its VmHWM (peak resident memory) belongs to that load.
# Usage: tools/bench/network/run.sh [--quick]     (--quick: 200 MR and 8 mammograms instead of 1000 and 20)
# Needs: dcmtk, /usr/bin/python3 with pydicom and numpy, Orthanc (/usr/sbin/Orthanc, skipped when absent), curl.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
mr_count=1000 mg_count=20
if [ "${1:-}" = "--quick" ]; then mr_count=200 mg_count=8; fi

work="$(mktemp -d /tmp/iq-bench-network.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building iq (Release)..."
dotnet build "$root/src/ImageQuality.Cli" -c Release -v q -nologo >/dev/null
iq="$root/src/ImageQuality.Cli/bin/Release/net10.0/iq"

echo "generating $mr_count MR (512x512x16 bit) and $mg_count MG (4096x3584x16 bit) instances in $work..."
/usr/bin/python3 "$here/generate.py" --out "$work/mr" --count "$mr_count" --rows 512 --columns 512 --modality MR
/usr/bin/python3 "$here/generate.py" --out "$work/mg" --count "$mg_count" --rows 4096 --columns 3584 --modality MG

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "nothing listens on $1" >&2; return 1; }

# start_server NAME PORT STORE: starts it in the background, sets server_pid and server_ae.
start_server() {
  local name=$1 port=$2 store=$3
  mkdir -p "$store"
  case "$name" in
    iq)
      server_ae=IMAGEQUALITY
      "$iq" serve --port "$port" --http-port 0 --data-dir "$store" >"$store.log" 2>&1 &
      ;;
    storescp)
      server_ae=STORESCP
      # Same max PDU as we announce (131072); files written as received, no fork.
      TCP_NODELAY=1 storescp -aet STORESCP --max-pdu 131072 -od "$store" +xa "$port" >"$store.log" 2>&1 &
      ;;
    orthanc)
      server_ae=ORTHANC
      local http; http=$(free_port)
      cat >"$store.json" <<JSON
{ "Name": "BENCH", "StorageDirectory": "$store/storage", "IndexDirectory": "$store/index", "HttpPort": $http,
  "DicomPort": $port, "DicomAet": "ORTHANC", "RemoteAccessAllowed": false, "AuthenticationEnabled": false,
  "StorageCompression": false, "SaveJobs": false, "Plugins": [], "MaximumPduLength": 131072, "DicomThreadsCount": 8 }
JSON
      orthanc_http=$http
      TCP_NODELAY=1 /usr/sbin/Orthanc "$store.json" >"$store.log" 2>&1 &
      ;;
  esac
  server_pid=$!
  wait_port "$port"
}

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

received() {
  local name=$1 store=$2
  case "$name" in
    iq) find "$store" -name '*.dcm' -not -path '*/.incoming/*' | wc -l ;;
    storescp) find "$store" -maxdepth 1 -type f | wc -l ;;
    orthanc) curl -s "http://127.0.0.1:$orthanc_http/statistics" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["CountInstances"])' ;;
  esac
}

declare -A rate_is
# run_load SERVER LOAD FOLDER PARALLEL
run_load() {
  local name=$1 load=$2 folder=$3 parallel=$4
  local port; port=$(free_port)
  local store="$work/store-$name-$load"
  start_server "$name" "$port" "$store"
  local count bytes
  count=$(find "$folder" -name '*.dcm' | wc -l)
  bytes=$(find "$folder" -name '*.dcm' -printf '%s\n' | awk '{s+=$1} END {print s}')
  local start end failed=0
  start=$(date +%s.%N)
  if [ "$parallel" -eq 1 ]; then
    TCP_NODELAY=1 storescu -aec "$server_ae" +sd +r 127.0.0.1 "$port" "$folder" >"$store.scu.log" 2>&1 || failed=1
  else
    local pids=()
    for part in "$folder"/part*; do
      TCP_NODELAY=1 storescu -aec "$server_ae" +sd +r 127.0.0.1 "$port" "$part" >"$store.scu.$(basename "$part").log" 2>&1 &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
  fi
  end=$(date +%s.%N)
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
  local got; got=$(received "$name" "$store")
  stop_server
  rm -rf "$store"
  local secs; secs=$(echo "$end - $start" | bc -l)
  local ips mbs
  ips=$(echo "$count / $secs" | bc -l)
  mbs=$(echo "$bytes / 1000000 / $secs" | bc -l)
  rate_is["$name-$load"]=$ips
  local ratio="-"
  if [ -n "${rate_is[storescp-$load]:-}" ]; then ratio=$(printf '%.2f' "$(echo "$ips / ${rate_is[storescp-$load]}" | bc -l)"); fi
  printf '%-9s %-22s %5d/%-5d %8.2f s %9.1f inst/s %8.1f MB/s  x%-5s peak %6.1f MB%s\n' \
    "$name" "$load" "$got" "$count" "$secs" "$ips" "$mbs" "$ratio" "$(echo "$hwm / 1024" | bc -l)" "$([ $failed -eq 0 ] || echo '  (storescu reported errors)')"
}

servers=(storescp iq)
if [ -x /usr/sbin/Orthanc ]; then servers+=(orthanc); else echo "Orthanc not installed: skipped"; fi
echo "load average before: $(cat /proc/loadavg)"
printf '%-9s %-22s %11s %10s %16s %13s  %-6s %s\n' server load received time rate throughput ratio "peak RSS (VmHWM)"
for load in "a:$mr_count MR, 1 assoc:$work/mr:1" "b:$mr_count MR, 8 assoc:$work/mr:8" "c:$mg_count MG, 8 assoc:$work/mg:8"; do
  IFS=: read -r key label folder parallel <<<"$load"
  for s in "${servers[@]}"; do
    run_load "$s" "($key) $label" "$folder" "$parallel"
  done
done
echo "load average after: $(cat /proc/loadavg)"
