-- One database and one login role per service, for docker-compose.yml. The postgres
-- image runs this once, when its data volume is still empty (as the superuser, with
-- ON_ERROR_STOP). Each service owns its database and cannot connect to another's:
-- services share events, never tables.
--
-- The passwords come from the container's environment (psql 15's \getenv), which
-- docker-compose.yml fills from .env (and refuses to start when one is missing);
-- none is written here. To change one later:
--   docker compose exec postgres psql -U postgres -c "ALTER ROLE intake PASSWORD '...'"

\getenv intake_password INTAKE_DB_PASSWORD
\getenv placement_password PLACEMENT_DB_PASSWORD
\getenv volunteer_password VOLUNTEER_DB_PASSWORD
\getenv prevention_password PREVENTION_DB_PASSWORD
\getenv reporting_password REPORTING_DB_PASSWORD

CREATE ROLE intake LOGIN PASSWORD :'intake_password';
CREATE DATABASE intake OWNER intake;
REVOKE ALL ON DATABASE intake FROM PUBLIC;

CREATE ROLE placement LOGIN PASSWORD :'placement_password';
CREATE DATABASE placement OWNER placement;
REVOKE ALL ON DATABASE placement FROM PUBLIC;

CREATE ROLE volunteer LOGIN PASSWORD :'volunteer_password';
CREATE DATABASE volunteer OWNER volunteer;
REVOKE ALL ON DATABASE volunteer FROM PUBLIC;

CREATE ROLE prevention LOGIN PASSWORD :'prevention_password';
CREATE DATABASE prevention OWNER prevention;
REVOKE ALL ON DATABASE prevention FROM PUBLIC;

CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';
CREATE DATABASE reporting OWNER reporting;
REVOKE ALL ON DATABASE reporting FROM PUBLIC;
