# The platform's services as background processes, the way an operator runs them: a Release
# build published under .local/services/<name>, started with its settings in the environment,
# its pid in .local/run/<name>.pid and its log in .local/logs/<name>.log, ready when its
# /health/ready answers. './chat ingest ...', './chat load' and './chat demo' use these.
# shellcheck shell=bash

# In start order: the write side first, the read side last.
SERVICES=(ingest projections query)

service_assembly() {
    case "$1" in
        ingest) echo Chat.Ingest ;;
        projections) echo Chat.Projections ;;
        query) echo Chat.Query ;;
        *) die "unknown service '$1' (known: ${SERVICES[*]})" ;;
    esac
}

service_project() {
    case "$1" in
        # CHAT_INGEST_PROJECT: run the ingest of another checkout (e.g. to try a branch).
        ingest) echo "${CHAT_INGEST_PROJECT:-$ROOT/src/Chat.Ingest}" ;;
        *) echo "$ROOT/src/$(service_assembly "$1")" ;;
    esac
}

service_port() {
    case "$1" in
        ingest) echo "$INGEST_HTTP_PORT" ;;
        projections) echo "$PROJECTIONS_HTTP_PORT" ;;
        query) echo "$QUERY_HTTP_PORT" ;;
    esac
}
service_pid_file() { echo "$RUN_DIR/$1.pid"; }
service_log() { echo "$LOG_DIR/$1.log"; }
service_url() { echo "http://127.0.0.1:$(service_port "$1")"; }

rabbitmq_settings() {
    echo "RabbitMq__Host=127.0.0.1"
    echo "RabbitMq__Port=$AMQP_PORT"
    echo "RabbitMq__VirtualHost=/"
    echo "RabbitMq__Username=chat"
    echo "RabbitMq__Password=$CHAT_RABBITMQ_PASSWORD"
}

# The service's settings, one KEY=VALUE a line (secrets come from .local/secrets.env). Each
# service connects as its own database role.
service_settings() {
    case "$1" in
        ingest)
            echo "ConnectionStrings__Chat=$(pg_connection chat_ingest)"
            rabbitmq_settings
            ;;
        projections)
            echo "ConnectionStrings__Chat=$(pg_connection chat_projections)"
            rabbitmq_settings
            ;;
        query)
            echo "ConnectionStrings__Chat=$(pg_connection chat_query)"
            # Bearer tokens signed with the local key (./chat token); ensure_secrets made it.
            echo "Access__SigningKey=$(cat "$STATE/query-signing.key")"
            # The dashboard's pipeline panel: the services Chat.Query samples.
            echo "Pipeline__Ingest__0=$(service_url ingest)"
            echo "Pipeline__Projections__0=$(service_url projections)"
            ;;
    esac
}

service_pid() {
    local file pid
    file=$(service_pid_file "$1")
    [ -f "$file" ] || return 1
    pid=$(cat "$file")
    # The pid must still be our service, not a recycled number.
    [ -n "$pid" ] && grep -qa "$(service_assembly "$1").dll" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

service_running() { service_pid "$1" >/dev/null; }

service_build() {
    # ./chat load builds once, then restarts the service for every step without rebuilding.
    [ -n "${CHAT_SERVICES_PREBUILT:-}" ] && [ -f "$STATE/services/$1/$(service_assembly "$1").dll" ] && return 0
    local project
    project=$(service_project "$1")
    [ -f "$project/$(service_assembly "$1").csproj" ] || die "$project/$(service_assembly "$1").csproj is not there: this checkout has no $1 yet"
    log "Building $1 (Release)"
    dotnet publish "$project" -c Release -o "$STATE/services/$1" -v quiet -nologo >/dev/null ||
        die "building $1 failed (dotnet publish $project -c Release)"
}

service_ready() { curl -fsS -m 2 "$(service_url "$1")/health/ready" >/dev/null 2>&1; }

service_wait_ready() {
    local name=$1 i
    for i in $(seq 1 240); do
        service_ready "$name" && return 0
        service_running "$name" || { tail -n 40 "$(service_log "$name")" >&2; die "$name exited while starting (log: $(service_log "$name"))"; }
        sleep 0.5
    done
    tail -n 40 "$(service_log "$name")" >&2
    die "$name is not ready after 2 minutes (log: $(service_log "$name"))"
}

# service_start NAME [KEY=VALUE ...]: extra settings override the defaults (e.g. Ingest__MessageLimit=500).
service_start() {
    local name=$1; shift
    if service_running "$name"; then
        log "$name already runs (pid $(service_pid "$name"))"
        return 0
    fi
    service_build "$name"
    mkdir -p "$RUN_DIR" "$LOG_DIR"
    local settings=() line
    while IFS= read -r line; do settings+=("$line"); done < <(service_settings "$name")
    settings+=("ASPNETCORE_URLS=$(service_url "$name")" "ASPNETCORE_ENVIRONMENT=Production" "$@")
    log "Starting $name on $(service_url "$name")${*:+ with $*} (log: $(service_log "$name"))"
    printf '\n===== %s start %s\n' "$(date -u +%FT%TZ)" "$*" >> "$(service_log "$name")"
    # setsid: the service outlives this script; exec chain keeps $! the dotnet process itself.
    (cd "$STATE/services/$name" &&
        exec setsid env "${settings[@]}" dotnet "$(service_assembly "$name").dll" >> "$(service_log "$name")" 2>&1 < /dev/null) &
    echo $! > "$(service_pid_file "$name")"
    printf '%s\n' "$@" > "$RUN_DIR/$name.settings"
    service_wait_ready "$name"
    log "$name ready (pid $(service_pid "$name"))"
}

# SIGTERM (the service finishes and commits what it holds), SIGKILL after a minute.
service_stop() {
    local name=$1 pid i
    pid=$(service_pid "$name") || { rm -f "$(service_pid_file "$name")"; return 0; }
    log "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name did not stop within a minute: SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(service_pid_file "$name")" "$RUN_DIR/$name.settings"
}

services_down() {
    local i
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do service_stop "${SERVICES[$i]}"; done
}

services_status() {
    local name
    for name in "${SERVICES[@]}"; do
        if service_running "$name"; then
            local health="not ready"
            service_ready "$name" && health=ready
            status_line "$name" up "pid $(service_pid "$name"), $(service_url "$name") ($health) $(tr '\n' ' ' < "$RUN_DIR/$name.settings" 2>/dev/null)log $(service_log "$name")"
        else
            status_line "$name" down "$(service_url "$name")"
        fi
    done
}

# ./chat ingest start|stop|restart|status|log [--batch-size N]
ingest_command() {
    local action=${1:-status}; [ $# -gt 0 ] && shift
    local extra=()
    while [ $# -gt 0 ]; do
        case "$1" in
            --batch-size) [ $# -ge 2 ] || die "--batch-size needs a number"; extra+=("Ingest__MessageLimit=$2"); shift 2 ;;
            *=*) extra+=("$1"); shift ;;
            *) die "unknown ingest option '$1' (--batch-size N, or Key__Name=value settings)" ;;
        esac
    done
    case "$action" in
        start)   servers_up; ensure_secrets; service_start ingest "${extra[@]}" ;;
        stop)    service_stop ingest ;;
        restart) servers_up; ensure_secrets; service_stop ingest; service_start ingest "${extra[@]}" ;;
        status)  ensure_secrets; services_status ;;
        log)     tail -n 100 -f "$(service_log ingest)" ;;
        *) die "usage: ./chat ingest start|stop|restart|status|log [--batch-size N] [Ingest__Setting=value ...]" ;;
    esac
}
