# Settings of the local servers. Every value can be overridden in the environment or in a
# git-ignored .chat.env at the project root (e.g. to run a second copy beside this one).
# shellcheck shell=bash
# The environment wins over the file (a test runs a second copy on ports of its own).
if [ -f "$ROOT/.chat.env" ]; then
    while IFS='=' read -r key value; do
        [[ $key =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
        [ -n "${!key+set}" ] || printf -v "$key" '%s' "$value"
    done < "$ROOT/.chat.env"
fi

STATE=${CHAT_STATE_DIR:-$ROOT/.local}
# Fixed ports stay below Linux's ephemeral range (32768-60999): a port in it can be taken at any
# moment as the local end of an outgoing connection, and a server then fails to start.
PG_PORT=${CHAT_PG_PORT:-25432}
AMQP_PORT=${CHAT_AMQP_PORT:-25672}
MGMT_PORT=${CHAT_MGMT_PORT:-25673}
DIST_PORT=${CHAT_DIST_PORT:-25674}
EPMD_PORT=${CHAT_EPMD_PORT:-25675}
DB_NAME=${CHAT_DB:-chat}
RABBIT_NODE=${CHAT_RABBITMQ_NODE:-chat$AMQP_PORT@localhost}

PG_DATA=$STATE/postgres/data
PG_RUN=$STATE/postgres/run
PG_LOG=$STATE/postgres/postgres.log
RABBIT_DIR=$STATE/rabbitmq
LOG_DIR=$STATE/logs
RUN_DIR=$STATE/run

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# HTTP ports of the services this project starts (health, /metrics; the query service's GraphQL,
# explorer and dashboard), next to the servers' ports.
INGEST_HTTP_PORT=${CHAT_INGEST_HTTP_PORT:-$((PG_PORT + 10))}
PROJECTIONS_HTTP_PORT=${CHAT_PROJECTIONS_HTTP_PORT:-$((PG_PORT + 11))}
QUERY_HTTP_PORT=${CHAT_QUERY_HTTP_PORT:-$((PG_PORT + 12))}
