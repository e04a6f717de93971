#!/usr/bin/env bash
# Server-side cost of a chunked gzip upload + download, per process: CPU seconds per MiB uploaded and peak RSS (VmHWM)
# of `itk3 mesh serve`, beside a minimal Python file store (no protocol, no fsync: what the Python NHS sandbox does
# at its core) and the smallest Kestrel file store (`kestrel`: the benchmark's floor mode, what any .NET Kestrel process
# costs) measured the same way in the same run. All get the same pre-gzipped 20 MiB chunks from curl.
# Usage: bench/Itk3.Mesh.Benchmarks/serve-probe.sh [sizes in MB...]   (default: 20 200 400; needs a Release build of
# src/Itk3.Cli and bench/Itk3.Mesh.Benchmarks, curl, openssl, python3). Env ITK3_PROBE_DIR: work directory (default
# /tmp/itk3-serve-probe); ITK3_PROBE_SERVERS: which servers (default "itk3 native kestrel python"). `native` is the
# Native AOT `itk3-mesh-server` (the same server and options as `itk3 mesh serve`), published here on first use.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cli=$repo/src/Itk3.Cli/bin/Release/net10.0/itk3.dll
bench=$repo/bench/Itk3.Mesh.Benchmarks/bin/Release/net10.0/Itk3.Mesh.Benchmarks.dll
native=$repo/artifacts/native/itk3-mesh-server
work=${ITK3_PROBE_DIR:-/tmp/itk3-serve-probe}
sizes=("${@:-20 200 400}"); [ $# -eq 0 ] && sizes=(20 200 400)
port=18795
tick=$(getconf CLK_TCK)
rm -rf "$work"; mkdir -p "$work"
servers=${ITK3_PROBE_SERVERS:-itk3 native kestrel python}
if [[ " $servers " == *" native "* && ! -x $native ]]; then
  dotnet publish "$repo/src/Itk3.Mesh.Server.Host" -c Release -r linux-x64 -o "$(dirname "$native")" >&2
fi

token() { # mailbox password
  local ts nonce hash
  ts=$(date -u +%Y%m%d%H%M); nonce=$(cat /proc/sys/kernel/random/uuid)
  hash=$(printf '%s' "$1:$nonce:0:$2:$ts" | openssl dgst -sha256 -hmac TestKey | awk '{print $NF}')
  echo "NHSMESH $1:$nonce:0:$ts:$hash"
}
cpu() { awk -v t="$tick" '{print ($14 + $15) / t}' "/proc/$1/stat"; }
hwm() { awk '/VmHWM/ {print $2 / 1024}' "/proc/$1/status"; }
rss() { awk '/VmRSS/ {print $2 / 1024}' "/proc/$1/status"; }
wait_port() { for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/$1" && return 0; sleep 0.2; done; return 1; }

cat > "$work/raw.py" <<'PY'
import os, sys, shutil
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
root = sys.argv[2]
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_POST(self):
        left = int(self.headers["Content-Length"])
        with open(os.path.join(root, self.path.strip("/").replace("/", "_")), "wb") as f:
            while left > 0:
                b = self.rfile.read(min(left, 1 << 20)); f.write(b); left -= len(b)
        self.send_response(202); self.send_header("Content-Length", "0"); self.end_headers()
    def do_GET(self):
        p = os.path.join(root, self.path.strip("/").replace("/", "_"))
        if not os.path.exists(p):
            self.send_response(200 if self.path == "/health" else 404); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Length", str(os.path.getsize(p))); self.end_headers()
        with open(p, "rb") as f: shutil.copyfileobj(f, self.wfile, 1 << 20)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY

echo "serve-probe $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| Message | Server | idle RSS MiB | peak RSS (VmHWM) MiB | server CPU s per MiB uploaded | upload MiB/s |"
echo "|---|---|---|---|---|---|"
for mb in "${sizes[@]}"; do
  rm -rf "$work/chunks"; mkdir -p "$work/chunks"
  head -c $((mb * 3 / 4 * 1024 * 1024)) /dev/urandom | base64 -w 76 > "$work/payload"
  truncate -s $((mb * 1024 * 1024)) "$work/payload"
  split -b 20M -d -a 3 "$work/payload" "$work/chunks/part."; rm "$work/payload"
  for f in "$work"/chunks/part.*; do gzip -1 "$f"; done
  parts=("$work"/chunks/part.*.gz); total=${#parts[@]}
  wire=$(cat "${parts[@]}" | wc -c)
  for server in $servers; do
    data="$work/data-$server"; rm -rf "$data"; mkdir -p "$data"
    if [ $server = native ]; then
      "$native" --config "$repo/samples/mesh/mesh-server.json" --data "$data" --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
      pid=$!; wait_port _ping
    elif [ $server = itk3 ]; then
      dotnet "$cli" mesh serve --config "$repo/samples/mesh/mesh-server.json" --data "$data" --urls "http://127.0.0.1:$port" > "$work/server.log" 2>&1 &
      pid=$!; wait_port _ping
    elif [ $server = kestrel ]; then
      dotnet "$bench" floor $port "$data" > "$work/server.log" 2>&1 &
      pid=$!; wait_port health
    else
      python3 "$work/raw.py" $port "$data" > "$work/server.log" 2>&1 &
      pid=$!; wait_port health
    fi
    sleep 2; idle=$(rss $pid); before=$(cpu $pid); start=$(date +%s.%N)
    if [ $server = itk3 ] || [ $server = native ]; then
      id=$(curl -sf -X POST "http://127.0.0.1:$port/messageexchange/ITK3HOSP01/outbox" -H "Authorization: $(token ITK3HOSP01 hospital-pass)" \
        -H 'Accept: application/vnd.mesh.v2+json' -H 'mex-To: ITK3GPA001' -H 'mex-WorkflowID: TOC_FHIR_IP_DISCH' -H "mex-Chunk-Range: 1:$total" \
        -H 'Content-Encoding: gzip' -H 'Content-Type: application/octet-stream' --data-binary "@${parts[0]}" | sed 's/.*"message_id":"\([^"]*\)".*/\1/')
      for n in $(seq 2 "$total"); do
        curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/messageexchange/ITK3HOSP01/outbox/$id/$n" -H "Authorization: $(token ITK3HOSP01 hospital-pass)" \
          -H 'Accept: application/vnd.mesh.v2+json' -H "mex-Chunk-Range: $n:$total" -H 'Content-Encoding: gzip' -H 'Content-Type: application/octet-stream' \
          --data-binary "@${parts[$((n - 1))]}"
      done
    else
      for n in $(seq 1 "$total"); do curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/m/$n" --data-binary "@${parts[$((n - 1))]}"; done
    fi
    end=$(date +%s.%N); upload_cpu=$(awk -v a="$before" -v b="$(cpu $pid)" 'BEGIN {print b - a}')
    for n in $(seq 1 "$total"); do
      if [ $server = itk3 ] || [ $server = native ]; then
        path="/messageexchange/ITK3GPA001/inbox/$id"; [ "$n" -gt 1 ] && path="$path/$n"
        curl -sf -o /dev/null "http://127.0.0.1:$port$path" -H "Authorization: $(token ITK3GPA001 practice-pass)" -H 'Accept: application/vnd.mesh.v2+json' -H 'Accept-Encoding: gzip'
      else
        curl -sf -o /dev/null "http://127.0.0.1:$port/m/$n"
      fi
    done
    peak=$(hwm $pid); kill $pid; wait $pid 2>/dev/null || true
    awk -v s="$server" -v mb="$mb" -v i="$idle" -v p="$peak" -v c="$upload_cpu" -v w="$wire" -v t0="$start" -v t1="$end" \
      'BEGIN {printf "| %d MB (%d chunks) | %s | %.1f | %.1f | %.4f | %.0f |\n", mb, 0, s, i, p, c / (w / 1048576), (w / 1048576) / (t1 - t0)}' \
      | sed "s/(0 chunks)/($total chunks)/"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"
