# PostgreSQL and RabbitMQ from Debian's packages, run from the project's own state folder,
# bound to 127.0.0.1, started and stopped by this project only.
# shellcheck shell=bash

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'chat: %s\n' "$*" >&2; exit 1; }

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

rabbit_bin() { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && echo /usr/lib/rabbitmq/bin; }

# --- installation -------------------------------------------------------------------------

# ensure_debian_packages COMMAND-OR-FILE PACKAGE ...: installs the packages (as root) unless the
# command is on the PATH or the file exists already.
ensure_debian_packages() {
    local present=$1; shift
    if [[ $present == /* ]]; then [ -e "$present" ] && return 0; else command -v "$present" >/dev/null && return 0; fi
    [ "$(id -u)" -eq 0 ] || die "$* missing; run as root once to install it"
    log "Installing $* from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } ||
        die "could not install $*"
}

install_packages() {
    local missing=()
    pg_bin >/dev/null || missing+=(postgresql)
    rabbit_bin >/dev/null || missing+=(rabbitmq-server)
    command -v curl >/dev/null || missing+=(curl)
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; run './chat up' as root once to install them"
    log "Installing ${missing[*]} from Debian's packages"
    # Debian would otherwise create and start a system-wide cluster and broker on the default
    # ports; this project runs its own, so neither is wanted.
    mkdir -p /etc/postgresql-common
    [ -f /etc/postgresql-common/createcluster.conf ] ||
        echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    local policy_created=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        policy_created=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -n "$policy_created" ] && rm -f /usr/sbin/policy-rc.d
    pg_bin >/dev/null || die "postgresql did not install"
    rabbit_bin >/dev/null || die "rabbitmq-server did not install"
}

# A server running as its own user must be able to reach its data under the project folder.
ensure_reachable_by() {
    local user=$1 dir=$2 d
    runuser -u "$user" -- test -x "$dir" && return 0
    d=$dir
    while [ "$d" != "/" ]; do
        if ! runuser -u "$user" -- test -x "$d" 2>/dev/null; then
            if command -v setfacl >/dev/null; then setfacl -m "u:$user:x" "$d"; else chmod o+x "$d"; fi
        fi
        d=$(dirname "$d")
    done
}

# --- secrets and connection settings ------------------------------------------------------

random_secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

ensure_secrets() {
    mkdir -p "$STATE"
    chmod 755 "$STATE"
    local secrets=$STATE/secrets.env
    if [ ! -f "$secrets" ]; then
        umask 077
        cat > "$secrets" <<SECRETS
CHAT_PG_ADMIN_PASSWORD=$(random_secret)
CHAT_INGEST_PASSWORD=$(random_secret)
CHAT_PROJECTIONS_PASSWORD=$(random_secret)
CHAT_QUERY_PASSWORD=$(random_secret)
CHAT_RABBITMQ_PASSWORD=$(random_secret)
SECRETS
        umask 022
    fi
    # Chat.Query's token signing key (./chat token mints with it); older state folders get one too.
    if [ ! -f "$STATE/query-signing.key" ]; then
        (umask 077; head -c 48 /dev/urandom | base64 -w0 > "$STATE/query-signing.key")
    fi
    # shellcheck disable=SC1090
    source "$secrets"
    umask 077
    cat > "$STATE/chat.env" <<ENV
CHAT_PG_HOST=127.0.0.1
CHAT_PG_PORT=$PG_PORT
CHAT_PG_ADMIN_USER=postgres
CHAT_PG_ADMIN_PASSWORD=$CHAT_PG_ADMIN_PASSWORD
CHAT_DB=$DB_NAME
CHAT_INGEST_PASSWORD=$CHAT_INGEST_PASSWORD
CHAT_PROJECTIONS_PASSWORD=$CHAT_PROJECTIONS_PASSWORD
CHAT_QUERY_PASSWORD=$CHAT_QUERY_PASSWORD
CHAT_RABBITMQ_HOST=127.0.0.1
CHAT_RABBITMQ_PORT=$AMQP_PORT
CHAT_RABBITMQ_MANAGEMENT_PORT=$MGMT_PORT
CHAT_RABBITMQ_USER=chat
CHAT_RABBITMQ_PASSWORD=$CHAT_RABBITMQ_PASSWORD
ENV
    umask 022
}

# Connection string for a role (postgres = the superuser) on the chat database.
pg_connection() {
    local user=$1 password
    case "$user" in
        postgres) password=$CHAT_PG_ADMIN_PASSWORD ;;
        chat_ingest) password=$CHAT_INGEST_PASSWORD ;;
        chat_projections) password=$CHAT_PROJECTIONS_PASSWORD ;;
        chat_query) password=$CHAT_QUERY_PASSWORD ;;
        *) die "unknown database role $user" ;;
    esac
    echo "Host=127.0.0.1;Port=$PG_PORT;Database=$DB_NAME;Username=$user;Password=$password"
}

# --- PostgreSQL ---------------------------------------------------------------------------

pg_ctl_as_postgres() { runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PG_DATA" "$@"; }

pg_running() { [ -f "$PG_DATA/postmaster.pid" ] && pg_ctl_as_postgres status >/dev/null 2>&1; }

pg_ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; }

pg_up() {
    mkdir -p "$STATE/postgres"
    chown postgres:postgres "$STATE/postgres"
    ensure_reachable_by postgres "$STATE/postgres"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        log "Creating a PostgreSQL cluster in $PG_DATA"
        local pwfile
        pwfile=$(mktemp)
        printf '%s\n' "$CHAT_PG_ADMIN_PASSWORD" > "$pwfile"
        chown postgres "$pwfile"
        runuser -u postgres -- "$(pg_bin)/initdb" -D "$PG_DATA" --username=postgres --pwfile="$pwfile" \
            --encoding=UTF8 --no-locale --auth-local=peer --auth-host=scram-sha-256 >/dev/null
        rm -f "$pwfile"
        # Tuned for this machine (2 cores, 24 GiB) and for bulk appends; durability stays on.
        cat >> "$PG_DATA/postgresql.conf" <<CONF

# --- chat platform settings (scripts/servers.sh) ---
max_connections = 300
shared_buffers = 2GB
effective_cache_size = 12GB
work_mem = 32MB
maintenance_work_mem = 512MB
wal_buffers = 64MB
max_wal_size = 8GB
checkpoint_timeout = 15min
checkpoint_completion_target = 0.9
wal_compression = lz4
random_page_cost = 1.1
jit = off
log_min_duration_statement = 1000
log_line_prefix = '%m [%p] %q%u@%d '
CONF
    fi
    if ! pg_running; then
        log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
        mkdir -p "$PG_RUN" && chown postgres:postgres "$PG_RUN"
        pg_ctl_as_postgres -l "$PG_LOG" -w -t 120 \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_RUN" start >/dev/null ||
            { tail -n 30 "$PG_LOG" >&2; die "PostgreSQL did not start"; }
    fi
    local i
    for i in $(seq 1 120); do pg_ready && break; sleep 0.5; done
    pg_ready || die "PostgreSQL is not accepting connections on port $PG_PORT"
}

pg_down() {
    if pg_running; then
        log "Stopping PostgreSQL"
        pg_ctl_as_postgres -m fast -w -t 60 stop >/dev/null
    fi
}

pg_psql() {
    PGPASSWORD=$CHAT_PG_ADMIN_PASSWORD "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB_NAME" "$@"
}

# --- RabbitMQ -----------------------------------------------------------------------------

# Runs a RabbitMQ command as the rabbitmq user, with this project's node, ports, cookie and data.
rabbit() {
    local tool=$1; shift
    runuser -u rabbitmq -- env -i PATH=/usr/bin:/bin:/usr/sbin:/sbin \
        HOME="$RABBIT_DIR/home" \
        LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        RABBITMQ_NODENAME="$RABBIT_NODE" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$AMQP_PORT" \
        RABBITMQ_DIST_PORT="$DIST_PORT" \
        ERL_EPMD_PORT="$EPMD_PORT" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$RABBIT_DIR/advanced.config" \
        RABBITMQ_CONF_ENV_FILE="$RABBIT_DIR/rabbitmq-env.conf" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins" \
        RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia" \
        RABBITMQ_LOG_BASE="$RABBIT_DIR/log" \
        RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid" \
        "$(rabbit_bin)/$tool" "$@"
}

# The beam process of this project's node (RabbitMQ writes no pid file here).
rabbit_pid() { pgrep -u rabbitmq -f -- "-home $RABBIT_DIR/home" | head -n 1; }

# Pings only a node that runs: the CLI tools would start an epmd daemon that outlives them.
rabbit_ready() { [ -n "$(rabbit_pid)" ] && rabbit rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

# 16 MiB: far above any chat message (Chat.Ingest's MaxPayloadBytes is 64 KiB), far below RabbitMQ's default of 128 MiB.
RABBIT_MAX_MESSAGE_BYTES=16777216

rabbit_up() {
    mkdir -p "$RABBIT_DIR/home" "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
    touch "$RABBIT_DIR/rabbitmq-env.conf"
    # Erlang distribution (node-to-node and CLI) on the loopback interface only.
    echo "[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}]." > "$RABBIT_DIR/advanced.config"
    if [ ! -f "$RABBIT_DIR/home/.erlang.cookie" ]; then
        random_secret > "$RABBIT_DIR/home/.erlang.cookie"
    fi
    chmod 400 "$RABBIT_DIR/home/.erlang.cookie"
    # rabbitmq_consistent_hash_exchange (bundled): Chat.Ingest spreads rooms over its queues with it.
    local plugins="[rabbitmq_management,rabbitmq_consistent_hash_exchange]." plugins_changed=""
    if [ "$(cat "$RABBIT_DIR/enabled_plugins" 2>/dev/null)" != "$plugins" ]; then
        echo "$plugins" > "$RABBIT_DIR/enabled_plugins"
        plugins_changed=1
    fi
    cat > "$RABBIT_DIR/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
loopback_users = none
disk_free_limit.absolute = 1GB
vm_memory_high_watermark.relative = 0.4
max_message_size = $RABBIT_MAX_MESSAGE_BYTES
log.console = false
log.file.level = info
CONF
    chown -R rabbitmq:rabbitmq "$RABBIT_DIR"
    ensure_reachable_by rabbitmq "$RABBIT_DIR"
    if ! rabbit_ready; then
        log "Starting RabbitMQ on 127.0.0.1:$AMQP_PORT (management on $MGMT_PORT)"
        mkdir -p "$LOG_DIR"
        rabbit rabbitmq-server > "$LOG_DIR/rabbitmq-server.out" 2>&1 < /dev/null &
        disown || true
        local i
        for i in $(seq 1 180); do rabbit_ready && break; sleep 1; done
        rabbit_ready || { tail -n 30 "$LOG_DIR/rabbitmq-server.out" >&2; die "RabbitMQ did not start"; }
    fi
    rabbit rabbitmqctl -q await_startup --timeout 120 >/dev/null
    # The broker's own body limit (Chat.Ingest rejects far smaller bodies itself), also on a node started before it was configured.
    rabbit rabbitmqctl -q eval "application:set_env(rabbit, max_message_size, $RABBIT_MAX_MESSAGE_BYTES)." >/dev/null
    # A node started before the plugin list changed enables the new plugins now, without a restart.
    if [ -n "$plugins_changed" ]; then
        rabbit rabbitmq-plugins -q enable --online rabbitmq_consistent_hash_exchange >/dev/null
    fi
    if ! rabbit rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx chat; then
        rabbit rabbitmqctl -q add_user chat "$CHAT_RABBITMQ_PASSWORD" >/dev/null
    else
        rabbit rabbitmqctl -q change_password chat "$CHAT_RABBITMQ_PASSWORD" >/dev/null
    fi
    # administrator: the tests create a virtual host per test class and the load tool reads
    # queue depths, both through the management API.
    rabbit rabbitmqctl -q set_user_tags chat administrator >/dev/null
    rabbit rabbitmqctl -q set_permissions -p / chat ".*" ".*" ".*" >/dev/null
    if rabbit rabbitmqctl -q list_users 2>/dev/null | awk '{print $1}' | grep -qx guest; then
        rabbit rabbitmqctl -q delete_user guest >/dev/null
    fi
}

rabbit_down() {
    if rabbit_bin >/dev/null && [ -d "$RABBIT_DIR/home" ]; then
        if rabbit_ready; then
            log "Stopping RabbitMQ"
            rabbit rabbitmqctl -q stop >/dev/null 2>&1 || true
        fi
        local i
        for i in $(seq 1 60); do [ -z "$(rabbit_pid)" ] && break; sleep 1; done
        # epmd is started by the node and outlives it; stop the one on this project's port.
        runuser -u rabbitmq -- env ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1 || true
    fi
}

# --- schema -------------------------------------------------------------------------------

migrate() {
    log "Applying the schema to database '$DB_NAME'"
    Migrator__ConnectionString=$(pg_connection postgres) \
    Migrator__RolePasswords__chat_ingest=$CHAT_INGEST_PASSWORD \
    Migrator__RolePasswords__chat_projections=$CHAT_PROJECTIONS_PASSWORD \
    Migrator__RolePasswords__chat_query=$CHAT_QUERY_PASSWORD \
        dotnet run -c Release --project "$ROOT/src/Chat.Migrator" -v quiet
}

# The schema is applied again only when schema/ or the migrator changed since the last
# successful run against this cluster, so a second 'up' is quick.
migrate_if_changed() {
    local stamp_file=$STATE/migrated.stamp stamp
    stamp=$( (echo "$PG_PORT $DB_NAME"; cat "$ROOT"/schema/*.sql "$ROOT"/src/Chat.Migrator/*.cs) | sha256sum | cut -d' ' -f1)
    if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
        return 0
    fi
    migrate
    echo "$stamp" > "$stamp_file"
}

# --- commands -----------------------------------------------------------------------------

servers_up() {
    install_packages
    ensure_secrets
    pg_up
    rabbit_up
    migrate_if_changed
    log "PostgreSQL 127.0.0.1:$PG_PORT (database $DB_NAME), RabbitMQ 127.0.0.1:$AMQP_PORT, management http://127.0.0.1:$MGMT_PORT"
}

servers_down() {
    if declare -F services_down >/dev/null; then services_down; fi
    rabbit_down
    if pg_bin >/dev/null && [ -d "$PG_DATA" ]; then pg_down; fi
}

status_line() { printf '%-12s %-8s %s\n' "$1" "$2" "$3"; }

servers_status() {
    ensure_secrets
    if pg_bin >/dev/null && pg_ready; then
        status_line postgres up "127.0.0.1:$PG_PORT pid $(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null) database $DB_NAME"
    else
        status_line postgres down "127.0.0.1:$PG_PORT"
    fi
    if rabbit_bin >/dev/null && [ -d "$RABBIT_DIR/home" ] && rabbit_ready; then
        status_line rabbitmq up "amqp 127.0.0.1:$AMQP_PORT, management http://127.0.0.1:$MGMT_PORT, node $RABBIT_NODE"
    else
        status_line rabbitmq down "amqp 127.0.0.1:$AMQP_PORT"
    fi
    if declare -F services_status >/dev/null; then services_status; fi
}
