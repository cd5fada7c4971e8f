# Tools that work on the local servers: the synthetic data generator.
# shellcheck shell=bash

seed_data() {
    servers_up
    log "Seeding the database '$DB_NAME'"
    ConnectionStrings__ChatAdmin=$(pg_connection postgres) \
        dotnet run -c Release --project "$ROOT/src/Chat.LoadTest" -v quiet -- seed-data "$@"
}
