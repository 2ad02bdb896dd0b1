-- One database and one login role per service, for docker-compose.yml. The postgres
-- image runs this once, when its data volume is still empty (as the superuser, with
-- ON_ERROR_STOP). Each service owns its database and cannot connect to another's:
-- services share events, never tables. pg_hba.conf lets a role in only over TLS and
-- only into the database of its own name; the REVOKEs below hold even without it.
--
-- The passwords are read from files (compose secrets, written by deploy/make_secrets.py),
-- whose paths the container's environment names: <SERVICE>_DB_PASSWORD_FILE. None is
-- written here. To change one later, see deploy/README.md ("Rotating a password").
-- tests/integration/test_ops_pg_roles.py applies this very file to a throwaway cluster.

\set intake_password `cat "$INTAKE_DB_PASSWORD_FILE"`
\set placement_password `cat "$PLACEMENT_DB_PASSWORD_FILE"`
\set volunteer_password `cat "$VOLUNTEER_DB_PASSWORD_FILE"`
\set prevention_password `cat "$PREVENTION_DB_PASSWORD_FILE"`
\set reporting_password `cat "$REPORTING_DB_PASSWORD_FILE"`

-- SCRAM, never md5, whatever the server's default.
SET password_encryption = 'scram-sha-256';

-- Nobody but the owner (and the superuser) may connect to a service's database, nor
-- create temporary tables in it: PUBLIC has both rights on every new database by
-- default. The owner creates its tables itself (migrations run as the service's role;
-- since PostgreSQL 15 the schema public belongs to the database's owner).
CREATE ROLE intake LOGIN PASSWORD :'intake_password';
CREATE DATABASE intake OWNER intake;
REVOKE CONNECT, TEMPORARY ON DATABASE intake FROM PUBLIC;

CREATE ROLE placement LOGIN PASSWORD :'placement_password';
CREATE DATABASE placement OWNER placement;
REVOKE CONNECT, TEMPORARY ON DATABASE placement FROM PUBLIC;

CREATE ROLE volunteer LOGIN PASSWORD :'volunteer_password';
CREATE DATABASE volunteer OWNER volunteer;
REVOKE CONNECT, TEMPORARY ON DATABASE volunteer FROM PUBLIC;

CREATE ROLE prevention LOGIN PASSWORD :'prevention_password';
CREATE DATABASE prevention OWNER prevention;
REVOKE CONNECT, TEMPORARY ON DATABASE prevention FROM PUBLIC;

CREATE ROLE reporting LOGIN PASSWORD :'reporting_password';
CREATE DATABASE reporting OWNER reporting;
REVOKE CONNECT, TEMPORARY ON DATABASE reporting FROM PUBLIC;

-- The maintenance databases are not for the services either.
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
