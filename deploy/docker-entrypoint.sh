#!/bin/sh
# Entry point of the Auszug image: `python -m <module>`, the module being the command
# (services.gateway by default), after turning secrets given as files into the variables
# that a process can only read from its environment.
#
# NAME__FILE=/run/secrets/x sets NAME to the content of x (without its final newline)
# and drops NAME__FILE; docker-compose.yml uses it for
#   PGPASSWORD__FILE                  libpq's PGPASSWORD: the password of the role that the
#                                     database URL names (the URL holds none)
#   AUSZUG_GATEWAY_SECRET_KEY__FILE   the gateway's secret key
# (Grafana's image knows the same convention.) The value lives only in the environment
# of this process, never in the compose file nor in `docker inspect`.
# Files the processes read themselves (AUSZUG_NATS_PASSWORD_FILE, AUSZUG_NATS_TLS_CA_FILE:
# one underscore) are left alone.
set -eu
for name in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)__FILE=.*$/\1/p'); do
    eval "file=\${${name}__FILE}"
    if [ ! -r "$file" ]; then
        echo "docker-entrypoint.sh: ${name}__FILE names $file, which cannot be read" >&2
        exit 78
    fi
    value=$(cat "$file")
    export "$name=$value"
    unset "${name}__FILE"
done
exec python -m "$@"
