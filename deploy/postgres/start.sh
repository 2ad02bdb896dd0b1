#!/bin/sh
# Entry point of the postgres container in docker-compose.yml, run as root.
#
# PostgreSQL accepts a TLS private key only when the postgres user (or root) owns it and
# nobody else may read it; a compose secret is a bind mount that keeps the owner and mode
# it has on the host. So the key is copied, owned by postgres, mode 0600, on every start
# (a rotated key needs only a restart), before the image's entrypoint drops to the
# postgres user and runs the command (see docker-compose.yml).
set -eu
install -d -o postgres -g postgres -m 0700 /var/lib/postgresql/tls
install -o postgres -g postgres -m 0600 /run/secrets/postgres_tls_key \
    /var/lib/postgresql/tls/server.key
exec docker-entrypoint.sh "$@"
