# One image for every Auszug process; the command picks the service:
#
#   docker build -t auszug .
#   docker run --rm auszug                      # the gateway (default)
#   docker run --rm auszug services.intake      # any other service
#
# docker-compose.yml builds it once and runs every service from it. The entrypoint
# (deploy/docker-entrypoint.sh) reads secrets given as NAME__FILE into NAME first.

ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: the virtualenv with Auszug and its pinned dependencies ------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src

# Dependencies first, in a layer of their own that only pyproject.toml and
# constraints.txt invalidate: without the source, `pip install .` installs an empty
# package but all of its dependencies, pinned by constraints.txt.
COPY pyproject.toml constraints.txt ./
RUN pip install -c constraints.txt .

COPY shared ./shared
COPY services ./services
RUN pip install --no-deps -c constraints.txt .

# --- final: slim runtime, non-root ------------------------------------------------------
FROM ${PYTHON_IMAGE}

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    AUSZUG_VAR_DIR=/app/var

# DejaVu: certificates (volunteer service) print every letter of a name.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 auszug \
    && useradd --system --uid 10001 --gid auszug --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin auszug

COPY --from=builder /opt/venv /opt/venv

# The source as well: each service's Alembic migrations (script.py.mako, versions/)
# are read from the source tree. `python -m` puts the working directory first on
# sys.path, so /app/services and /app/shared are what runs.
WORKDIR /app
COPY shared ./shared
COPY services ./services
COPY deploy/docker-entrypoint.sh /usr/local/bin/auszug-entrypoint
# Only place the app may write: SQLite files when no DATABASE_URL is set.
RUN mkdir -p var && chown auszug:auszug var

USER auszug
ENTRYPOINT ["auszug-entrypoint"]
CMD ["services.gateway"]
