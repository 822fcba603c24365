#!/usr/bin/env bash
# Builds the container image with the Maven build (profile `image`, Jib, no Docker daemon) and runs it here without
# Docker: the image tar's layers are unpacked into a root file system and its entrypoint is started in a chroot with
# the image's environment; the check passes when the server answers readiness and serves the dashboard.
#
# No registry is reachable from the build machines, so the base is `scratch` plus a Java runtime made here with jlink
# (and the C libraries it links against): the same layout as the default eclipse-temurin:25-jre base
# (/opt/java/openjdk). Needs root (chroot), a JDK 25 (JAVA_HOME or the newest under /usr/lib/jvm) and the modules
# installed or built (run from the repository root: mvn -B -pl server -am ... is used below).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
[ "$(id -u)" = 0 ] || { echo "needs root (chroot)" >&2; exit 1; }

. "$here/lib/common.sh"
jdk=$(find_jdk)

work=$(mktemp -d); pid=""
cleanup() {
  set +e
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  for m in proc dev/null dev/zero dev/random dev/urandom; do
    mountpoint -q "$work/rootfs/$m" 2>/dev/null && umount "$work/rootfs/$m"
  done
  # never follows into a mount that is somehow still there
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
extra="$work/extra"; mkdir -p "$extra/opt/java" "$extra/tmp" "$extra/etc"

echo "jlink: a Java runtime from $jdk"
# every module of the JDK (as the Temurin JRE image has them), so nothing the server loads reflectively is missing
"$jdk/bin/jlink" --add-modules "$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -vx 'jdk.jlink\|jdk.jpackage' | paste -sd,)" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$extra/opt/java/openjdk"
# the C libraries the runtime links against, at the same paths (a scratch image has none)
for so in $(find "$extra/opt/java/openjdk" \( -name '*.so' -o -path '*/bin/java' \) -exec ldd {} \; 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' | grep -v "^$extra" | sort -u); do
  mkdir -p "$extra$(dirname "$so")"; cp -L "$so" "$extra$so"
done
echo 'root:x:0:0:root:/root:/sbin/nologin' >"$extra/etc/passwd"
echo '127.0.0.1 localhost' >"$extra/etc/hosts"

echo "building the image (profile image, base scratch)"
mvn -B -q -Pimage -pl server package -DskipTests -Dimage.base=scratch -Dimage.extra="$extra"
tar=server/target/botfleet-image.tar
ls -l "$tar"

echo "unpacking the layers"
img="$work/img"; root="$work/rootfs"; mkdir -p "$img" "$root"
tar -xf "$tar" -C "$img" 2>/dev/null
python3 - "$img" "$root" <<'PY'
import json, sys, tarfile, os
img, root = sys.argv[1], sys.argv[2]
manifest = json.load(open(os.path.join(img, "manifest.json")))[0]
for layer in manifest["Layers"]:
    with tarfile.open(os.path.join(img, layer)) as t:
        t.extractall(root, filter="tar")
config = json.load(open(os.path.join(img, manifest["Config"])))["config"]
json.dump(config, open(os.path.join(img, "run.json"), "w"))
PY
entry=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print("\0".join(c["Entrypoint"]), end="")' "$img/run.json" | xargs -0 printf '%q ')
envs=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(" ".join(c["Env"]))' "$img/run.json")
echo "entrypoint: $entry"
echo "environment: $envs"

# what a container runtime gives a container: /proc (the JVM finds its own files through /proc/self/exe) and /dev
mkdir -p "$root/proc" "$root/dev"
mount -t proc proc "$root/proc"
for d in null zero random urandom; do touch "$root/dev/$d"; mount --bind "/dev/$d" "$root/dev/$d"; done
port=$(free_port)
eval "exec env -i $envs SERVER_PORT=$port chroot \"$root\" $entry" >"$work/server.log" 2>&1 &
pid=$!
start=$(date +%s)
until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || { echo "the image's server exited:" >&2; tail -40 "$work/server.log" >&2; exit 1; }
  [ $(( $(date +%s) - start )) -lt 180 ] || { echo "not ready in 180 s" >&2; tail -40 "$work/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/" | grep -q '<div id="root"' || { echo "dashboard not served" >&2; exit 1; }
[ -f "$root/data/master.key" ] || { echo "no master key in /data (BOTFLEET_DATA_DIR)" >&2; exit 1; }
echo "image OK: the server in the image answered readiness on port $port in $(( $(date +%s) - start )) s, served the dashboard, keeps its data in /data"
