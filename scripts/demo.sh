# ./chat demo: the whole system running here, end to end, in a few minutes. Starts the three
# services in the background (they keep running until ./chat down), publishes a short load in
# the producers' wire formats, waits until every message is stored, asks Chat.Projections for a
# refresh over the bus, and prints what happened and where to look.
# shellcheck shell=bash

# Sends a RefreshProjections command (MassTransit's JSON envelope) to Chat.Projections' queue
# through the broker's management API, as any operator tool could.
request_refresh() {
    local envelope body
    envelope=$(printf '{"messageId":"%s","messageType":["urn:message:Chat.Contracts.Projections:RefreshProjections"],"message":{"views":null}}' \
        "$(cat /proc/sys/kernel/random/uuid)")
    body=$(printf '{"properties":{"content_type":"application/vnd.masstransit+json","delivery_mode":2},"routing_key":"chat-projections-refresh","payload":"%s","payload_encoding":"string"}' \
        "${envelope//\"/\\\"}")
    curl -fsS -u "chat:$CHAT_RABBITMQ_PASSWORD" -H 'content-type: application/json' \
        -d "$body" "http://127.0.0.1:$MGMT_PORT/api/exchanges/%2F/amq.default/publish" | grep -q '"routed":true' ||
        die "the refresh request was not routed: is Chat.Projections running?"
}

demo() {
    local messages=200000
    while [ $# -gt 0 ]; do
        case "$1" in
            --messages) [ $# -ge 2 ] || die "--messages needs a number"; messages=$2; shift 2 ;;
            *) die "usage: ./chat demo [--messages N]   (default 200000)" ;;
        esac
    done

    servers_up
    ensure_chart_fonts
    local name
    for name in "${SERVICES[@]}"; do service_build "$name"; done
    for name in "${SERVICES[@]}"; do CHAT_SERVICES_PREBUILT=1 service_start "$name"; done

    log "Publishing $messages messages in the chat server's and the load generator's wire formats"
    load_run baseline --messages "$messages" --output "$STATE/demo" --no-ingest-control --run-id "demo-$(date -u +%Y%m%d-%H%M%S)"

    local requested_at
    requested_at=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
    log "Asking Chat.Projections to refresh every view now"
    request_refresh
    loadtool demo-summary --run "$STATE/demo/baseline" --graphql "$(service_url query)/graphql" --refreshed-after "$requested_at" \
        --key-file "$STATE/query-signing.key"
    # The dashboard reads analytics, the pipeline and room timelines: a reader and operator token.
    # In the URL's fragment, which the browser keeps to itself (never sent, never logged).
    local token
    token=$(loadtool token --role reader,operator --ttl 12h --subject demo --key-file "$STATE/query-signing.key")

    cat <<URLS

The services keep running until './chat down' ('./chat status' shows them):
  GraphQL explorer  $(service_url query)/graphql#token=$token
  dashboard         $(service_url query)/#token=$token
  token             $token
                    (reader + operator, 12 h; ./chat token --role R [--rooms 1,2] [--ttl 1h] mints others)
  metrics           $(service_url ingest)/metrics  $(service_url projections)/metrics  $(service_url query)/metrics (with the token)
  RabbitMQ          http://127.0.0.1:$MGMT_PORT  (user chat, password in $STATE/secrets.env)
  logs              $LOG_DIR/
URLS
}
