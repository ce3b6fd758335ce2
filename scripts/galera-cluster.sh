#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback, for the cluster tests and by hand.
#
#   scripts/galera-cluster.sh start    # bootstrap node 1, join nodes 2 and 3, wait for size 3
#   scripts/galera-cluster.sh status   # wsrep_cluster_size and readiness of each node
#   scripts/galera-cluster.sh stop     # stop every node and remove the data directories
#   scripts/galera-cluster.sh kill N   # SIGKILL node N (fault tests)
#   scripts/galera-cluster.sh rejoin N # start node N again; it rejoins by IST/SST
#
# Nodes listen on 127.0.0.1:${GALERA_BASE_PORT:-3311}..+2 (client), 4571..4573 (group
# communication), 4581..4583 (IST) and 4591..4593 (SST), with their own data directories and
# sockets under ${GALERA_DIR:-/tmp/keyward-galera}. Needs MariaDB 10.11 and Debian's galera-4
# (and rsync for state transfers). Never touches another MariaDB on the machine.
set -euo pipefail

DIR="${GALERA_DIR:-/tmp/keyward-galera}"
BASE="${GALERA_BASE_PORT:-3311}"
GCOMM_BASE="${GALERA_GCOMM_BASE_PORT:-4571}"
PROVIDER="${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
NODES=3
# As root the nodes run as the mysql user; anyone else runs them as themselves.
if [ "$(id -u)" = 0 ]; then RUN_AS="${GALERA_USER:-mysql}"; else RUN_AS="$(id -un)"; fi

client_port() { echo $((BASE + $1 - 1)); }
gcomm_port() { echo $((GCOMM_BASE + $1 - 1)); }
ist_port() { echo $((GCOMM_BASE + 10 + $1 - 1)); }
sst_port() { echo $((GCOMM_BASE + 20 + $1 - 1)); }

cluster_address() {
  local list="" i
  for i in $(seq 1 $NODES); do list="${list:+$list,}127.0.0.1:$(gcomm_port "$i")"; done
  echo "gcomm://$list"
}

sql() { # node, statement
  mariadb --protocol=tcp -h127.0.0.1 -P"$(client_port "$1")" -uroot -N -B -e "$2" 2>/dev/null
}

pid_of() { cat "$DIR/node$1/mariadbd.pid" 2>/dev/null || true; }

alive() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

status_of() { sql "$1" "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}'; }

ready_of() { sql "$1" "SHOW STATUS LIKE 'wsrep_ready'" | awk '{print $2}'; }

start_node() { # node, extra args...
  local n=$1
  shift
  local d="$DIR/node$n"
  mkdir -p "$d/data"
  # The nodes run as the mysql user: the rsync SST daemon then writes the joiner's files as the
  # user that owns them (as root it would switch to `nobody` and be refused).
  if [ "$(id -u)" = 0 ]; then chown -R "$RUN_AS" "$d"; fi
  if [ "$n" = 1 ] && [ ! -d "$d/data/mysql" ]; then
    # Only the first node is initialised; the others receive its data by state transfer.
    mariadb-install-db --no-defaults --user="$RUN_AS" --datadir="$d/data" \
      --auth-root-authentication-method=normal --skip-test-db >"$d/install.log" 2>&1
  fi
  # --no-defaults: nothing from /etc/mysql, so the machine's own MariaDB settings never leak in.
  mariadbd --no-defaults --user="$RUN_AS" \
    --datadir="$d/data" --socket="$d/mariadbd.sock" --pid-file="$d/mariadbd.pid" \
    --port="$(client_port "$n")" --bind-address=127.0.0.1 --log-error="$d/error.log" \
    --skip-name-resolve --innodb-buffer-pool-size=64M --innodb-log-file-size=48M \
    --max-connections=300 --performance-schema=OFF \
    --binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --innodb-flush-log-at-trx-commit=2 \
    --wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name=keyward-test \
    --wsrep-cluster-address="$(cluster_address)" --wsrep-node-name="node$n" \
    --wsrep-node-address="127.0.0.1:$(gcomm_port "$n")" \
    --wsrep-node-incoming-address="127.0.0.1:$(client_port "$n")" \
    --wsrep-sst-receive-address="127.0.0.1:$(sst_port "$n")" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S;pc.wait_prim_timeout=PT10S" \
    --wsrep-sst-method=rsync --wsrep-slave-threads=2 \
    "$@" >>"$d/stdout.log" 2>&1 &
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  echo "galera-cluster: timed out waiting for $what" >&2
  return 1
}

node_synced() { [ "$(ready_of "$1")" = "ON" ] && [ "$(status_of "$1")" = "$2" ]; }

cmd_start() {
  [ -x "$PROVIDER" ] || [ -f "$PROVIDER" ] || {
    echo "galera-cluster: no Galera provider at $PROVIDER (apt-get install galera-4)" >&2
    exit 3
  }
  command -v mariadbd >/dev/null || {
    echo "galera-cluster: mariadbd not found (apt-get install mariadb-server)" >&2
    exit 3
  }
  command -v rsync >/dev/null || {
    echo "galera-cluster: rsync not found (apt-get install rsync)" >&2
    exit 3
  }
  cmd_stop >/dev/null 2>&1 || true
  mkdir -p "$DIR"
  start_node 1 --wsrep-new-cluster
  wait_for "node 1 to bootstrap" 60 node_synced 1 1 || { tail -n 30 "$DIR/node1/error.log" >&2; exit 1; }
  # Node 1's datadir is copied to the joiners by SST; they need only an empty data directory.
  start_node 2
  wait_for "node 2 to join" 90 node_synced 2 2 || { tail -n 30 "$DIR/node2/error.log" >&2; exit 1; }
  start_node 3
  wait_for "node 3 to join" 90 node_synced 3 3 || { tail -n 30 "$DIR/node3/error.log" >&2; exit 1; }
  sql 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION" || true
  echo "galera-cluster: 3 nodes up on 127.0.0.1:$(client_port 1),$(client_port 2),$(client_port 3)"
}

cmd_stop() {
  local i pid
  for i in $(seq 1 $NODES); do
    pid=$(pid_of "$i")
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for i in $(seq 1 $NODES); do
    pid=$(pid_of "$i")
    [ -z "$pid" ] && continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$DIR"
  echo "galera-cluster: stopped"
}

cmd_status() {
  local i
  for i in $(seq 1 $NODES); do
    if alive "$i"; then
      echo "node$i 127.0.0.1:$(client_port "$i") pid=$(pid_of "$i") cluster_size=$(status_of "$i" || echo '?') ready=$(ready_of "$i" || echo '?')"
    else
      echo "node$i 127.0.0.1:$(client_port "$i") down"
    fi
  done
}

cmd_kill() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -KILL "$pid"
  rm -f "$DIR/node$1/mariadbd.pid"
  echo "galera-cluster: node $1 killed"
}

cmd_rejoin() {
  start_node "$1"
  wait_for "node $1 to rejoin" 120 node_synced "$1" 3 || { tail -n 30 "$DIR/node$1/error.log" >&2; exit 1; }
  echo "galera-cluster: node $1 rejoined"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) cmd_kill "${2:?node number}" ;;
  rejoin) cmd_rejoin "${2:?node number}" ;;
  *)
    echo "usage: $0 start|stop|status|kill N|rejoin N" >&2
    exit 2
    ;;
esac
